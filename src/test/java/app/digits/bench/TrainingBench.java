package app.digits.bench;

import app.digits.dataset.control.IdxFormat;
import app.digits.dataset.entity.LabelledImage;
import app.digits.training.control.Algorithm;
import app.digits.training.control.Evaluation;
import app.digits.training.control.GridSearch;
import app.digits.training.control.Hyperparameters;
import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.GridPoint;
import app.digits.registry.entity.TrainingFacts;
import app.digits.training.control.ModelTraining;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of one algorithm without the server: reads MNIST from the IDX files, runs the grid search and the
 * final fit as a training run would, and prints the CV table, the fit time and the test accuracy. Run with
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.digits.bench.TrainingBench
 * -Dexec.args="cnn 60000 none"} (algorithm, training images, grid size or a grid spec; optional 4th: CV images;
 * optional 5th: a models directory to save the model into, for {@code RobustnessBench}); the seed of the search and
 * the fit is 42, or {@code -Ddigits.bench.seed=N}.
 */
public final class TrainingBench {

    private TrainingBench() {
    }

    public static void main(String[] args) throws IOException {
        var algorithm = Algorithm.parse(args[0]);
        int images = Integer.parseInt(args[1]);
        var grid = args.length > 2 && args[2].contains("=") ? algorithm.grid(args[2])
                : algorithm.grid(Algorithm.GridSize.parse(args.length > 2 ? args[2] : "none"));
        int cvImages = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;
        var mnist = Path.of(System.getProperty("digits.mnist.dir", "data/mnist"));
        long seed = Long.getLong("digits.bench.seed", 42);
        var train = read(mnist, "train").subList(0, images);
        var test = read(mnist, "t10k");
        long start = System.nanoTime();
        var search = GridSearch.search(train.subList(0, Math.min(cvImages, train.size())), grid, 3, seed, algorithm.learner(),
                new GridSearch.Listener() {
                    @Override
                    public void pointStarted(int point, int total, Hyperparameters parameters) {
                    }

                    @Override
                    public void pointDone(int point, int total, GridPoint result) {
                        System.out.printf("grid %d/%d %s: %.4f ± %.4f (%.1f s)%n", point, total, result.parameters(),
                                result.meanAccuracy(), result.stdAccuracy(), result.seconds());
                    }
                });
        double searchSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        var classifier = algorithm.learner().fit(train, search.best(), seed,
                (epoch, of) -> System.out.printf("fit epoch %d of %d: loss %.4f, held-out accuracy %.4f%n", epoch.epoch(), of,
                        epoch.trainingLoss(), epoch.validationAccuracy()));
        double fitSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        var report = Evaluation.evaluate(classifier, test);
        double scoreSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s %s on %d images: search %.0f s, fit %.0f s, scoring %.0f s (median %.0f µs), test accuracy %.4f%n",
                algorithm.key(), search.best(), train.size(), searchSeconds, fitSeconds, scoreSeconds,
                report.medianLatencyMicros(), report.accuracy());
        if (args.length > 4) {
            var facts = new TrainingFacts("bench", Instant.now().toString(), search.best().values(), train.size(), 0, 0, fitSeconds,
                    search.points(), grid.mainAxis(), List.of());
            var saved = new ModelStore(Path.of(args[4])).save(classifier, ModelTraining.describe(algorithm, facts, report));
            System.out.println("saved as " + saved.id() + " in " + args[4]);
        }
    }

    static List<LabelledImage> read(Path mnist, String prefix) throws IOException {
        try (var images = new FileInputStream(mnist.resolve(prefix + "-images-idx3-ubyte").toFile());
             var labels = new FileInputStream(mnist.resolve(prefix + "-labels-idx1-ubyte").toFile())) {
            return IdxFormat.read(images, labels);
        }
    }
}
