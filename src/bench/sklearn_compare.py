#!/usr/bin/env python3
"""The classic models' training speed against scikit-learn, on the same machine and the same MNIST.

Trains with scikit-learn each classic algorithm the default training job fits, with the same hyperparameters
and the same number of training images (the first N of data/mnist's training IDX file, 0-255 scaled to 0-1),
scores it on the 10,000 test images, and prints a Markdown table beside the Java figures: the fit time and
test accuracy of each model's sidecar in a models directory (the newest model of each algorithm; a default
training job writes them), with the ratio Java time / scikit-learn time. Installs Debian's python3-sklearn
with apt-get when it is missing (root, or sudo).

    python3 src/bench/sklearn_compare.py [--mnist data/mnist] [--models models] [--only random-forest,svm]

Both sides use both cores where the library can (n_jobs=-1 here; Smile's forest and Weka's forest use every
core). CPU-bound: on a machine shared with other builds the times vary; run both sides in the same hour. XGBoost's
boosted trees replace Smile's forest in the default job: compare them with scikit-learn's forest too
(--only random-forest,boosted-trees).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import time


def ensure_sklearn():
    """Imports scikit-learn, or installs Debian's and runs this script again with Debian's python3 (a pyenv or
    virtualenv python3 first on the PATH does not see Debian's packages)."""
    try:
        import sklearn  # noqa: F401
        return
    except ImportError:
        pass
    system = "/usr/bin/python3"
    if subprocess.run([system, "-c", "import sklearn"], capture_output=True).returncode != 0:
        command = ["apt-get", "install", "-y", "python3-sklearn"]
        if os.geteuid() != 0 and shutil.which("sudo"):
            command.insert(0, "sudo")
        print("installing python3-sklearn:", " ".join(command), file=sys.stderr)
        subprocess.run(command, check=True)
    if os.path.realpath(sys.executable) == os.path.realpath(system):
        sys.exit("python3-sklearn is installed but scikit-learn does not import")
    os.execv(system, [system] + sys.argv)


def read_idx(mnist, prefix):
    import numpy as np
    with open(os.path.join(mnist, prefix + "-images-idx3-ubyte"), "rb") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with open(os.path.join(mnist, prefix + "-labels-idx1-ubyte"), "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return images.astype(np.float32) / 255.0, labels


def models():
    """Each Java algorithm: its sidecar name, training images in the default job, and the scikit-learn equivalent."""
    from sklearn.decomposition import PCA
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier
    return {
        "svm": ("SVM, RBF kernel on PCA features", "Smile", 60000,
                lambda: make_pipeline(PCA(50, random_state=42), SVC(C=10, gamma=0.05))),
        "mlp": ("Multilayer perceptron", "DJL", 60000,
                lambda: MLPClassifier((256,), solver="adam", learning_rate_init=0.002, batch_size=128, max_iter=10,
                                      random_state=42)),
        "knn": ("k nearest neighbours on PCA features", "Smile", 60000,
                lambda: make_pipeline(PCA(50, random_state=42), KNeighborsClassifier(3, n_jobs=-1))),
        "random-forest": ("Random forest", "Smile", 60000,
                          lambda: RandomForestClassifier(100, max_features=28, n_jobs=-1, random_state=42)),
        "boosted-trees": ("Gradient-boosted trees", "XGBoost", 60000,
                          lambda: HistGradientBoostingClassifier(max_iter=50, learning_rate=0.3, max_depth=6, max_bins=32,
                                                                 early_stopping=False, random_state=42)),
        # Weka's forest tries log2(784) + 1 = 10 pixels at each split (its default numFeatures 0), not sqrt(784).
        "weka-random-forest": ("Random forest", "Weka", 30000,
                               lambda: RandomForestClassifier(100, max_features=10, n_jobs=-1, random_state=42)),
        "logistic-regression": ("Logistic regression", "DJL", 60000,
                                lambda: LogisticRegression(C=1.0, max_iter=500)),
        "weka-j48": ("Decision tree (J48)", "Weka", 20000,
                     lambda: DecisionTreeClassifier(criterion="entropy", min_samples_leaf=2, random_state=42)),
        # Smile counts the root's split as depth 1 and splits no node at depth maxDepth: its maxDepth=10 tree
        # has at most 9 levels of splits, scikit-learn's max_depth=9.
        "decision-tree": ("Decision tree (CART)", "Smile", 60000,
                          lambda: DecisionTreeClassifier(max_depth=9, min_samples_leaf=5, random_state=42)),
    }


def java_figures(directory, title, library):
    """The newest sidecar of this algorithm and library: (fit seconds, test accuracy), or None. Reads both
    layouts: the current one with parts (training, test) and the flat one of older models."""
    newest = None
    for path in glob.glob(os.path.join(directory, "*.json")):
        with open(path) as f:
            descriptor = json.load(f)
        if "training" in descriptor:
            training, test = descriptor["training"], descriptor["test"]
            figures = (training["trainedAt"], training["seconds"], test["accuracy"])
        else:
            figures = (descriptor["trainedAt"], descriptor["trainingSeconds"], descriptor["testAccuracy"])
        if descriptor.get("algorithm") == title and descriptor.get("library") == library:
            if newest is None or figures[0] > newest[0]:
                newest = figures
    return None if newest is None else newest[1:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mnist", default="data/mnist")
    parser.add_argument("--models", default="models", help="a models directory with the Java side's sidecars")
    parser.add_argument("--only", default="", help="comma-separated algorithm keys (default: all classic ones)")
    args = parser.parse_args()
    ensure_sklearn()
    import numpy as np
    train_x, train_y = read_idx(args.mnist, "train")
    test_x, test_y = read_idx(args.mnist, "t10k")
    wanted = [key for key in args.only.split(",") if key] or list(models())
    print("| model | images | Java fit | Java accuracy | scikit-learn fit | scikit-learn accuracy | Java / scikit-learn |")
    print("|---|---|---|---|---|---|---|")
    for key in wanted:
        title, library, images, build = models()[key]
        estimator = build()
        start = time.monotonic()
        estimator.fit(train_x[:images], train_y[:images])
        seconds = time.monotonic() - start
        accuracy = float(np.mean(estimator.predict(test_x) == test_y))
        java = java_figures(args.models, title, library)
        java_time, java_accuracy, ratio = ("not found",) * 3 if java is None else (
            f"{java[0]:.1f} s", f"{100 * java[1]:.2f} %", f"{java[0] / seconds:.1f}x")
        print(f"| {library} {title} ({key}) | {images:,} | {java_time} | {java_accuracy} | {seconds:.1f} s | "
              f"{100 * accuracy:.2f} % | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
