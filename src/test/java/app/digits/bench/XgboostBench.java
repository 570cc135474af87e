package app.digits.bench;

import app.digits.dataset.entity.LabelledImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import app.digits.training.control.XgboostTrainers;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * XGBoost's settings tried side by side (src/bench/README.md): its random-forest mode against the boosted
 * trees the app trains. Fits XGBoost (multi-class soft-max, histogram method, both cores, seed 42) on the first
 * N MNIST training images, read as the app reads them ({@code XgboostTrainers.matrix}), with the parameters
 * given, once per parameter set, and prints the fit time, the test accuracy every ten rounds and at the end,
 * and the model's size. Run with {@code mvn -q test-compile
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.digits.bench.XgboostBench -Dexec.args="60000
 * 'num_parallel_tree=10;subsample=0.632;colsample_bynode=0.036;eta=1;max_depth=0;min_child_weight=0.01'
 * 'rounds=50;eta=0.3;max_depth=6;max_bin=32'"} (training images, then parameter sets: XGBoost's names,
 * plus {@code rounds}, default 1).
 */
public final class XgboostBench {

    private XgboostBench() {
    }

    public static void main(String[] args) throws Exception {
        int images = Integer.parseInt(args[0]);
        var mnist = Path.of(System.getProperty("digits.mnist.dir", "data/mnist"));
        var trainImages = TrainingBench.read(mnist, "train").subList(0, images);
        var testImages = TrainingBench.read(mnist, "t10k");
        var train = XgboostTrainers.matrix(trainImages);
        var test = XgboostTrainers.matrix(testImages);
        for (int set = 1; set < args.length; set++) {
            var parameters = new HashMap<String, Object>(Map.of("objective", "multi:softprob", "num_class", 10,
                    "tree_method", "hist", "nthread", Runtime.getRuntime().availableProcessors(), "seed", 42, "verbosity", 0));
            int rounds = 1;
            for (var setting : args[set].split(";")) {
                var nameAndValue = setting.split("=", 2);
                if (nameAndValue[0].equals("rounds")) {
                    rounds = Integer.parseInt(nameAndValue[1]);
                } else {
                    parameters.put(nameAndValue[0], nameAndValue[1]);
                }
            }
            long start = System.nanoTime();
            var booster = XGBoost.train(train, parameters, rounds, Map.of(), null, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int limit = 10; limit < rounds; limit += 10) {
                System.out.printf("  after %d rounds: accuracy %.2f %%%n", limit, accuracy(booster.predict(test, false, limit), testImages));
            }
            System.out.printf("%d images, %s: fit %.1f s, accuracy %.2f %%, model %,d bytes%n", images, args[set], seconds, accuracy(booster.predict(test), testImages), booster.toByteArray("ubj").length);
            booster.dispose();
        }
    }

    private static double accuracy(float[][] probabilities, List<LabelledImage> images) {
        int right = 0;
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int digit = 1; digit < probabilities[i].length; digit++) {
                if (probabilities[i][digit] > probabilities[i][best]) {
                    best = digit;
                }
            }
            right += best == images.get(i).label() ? 1 : 0;
        }
        return 100.0 * right / images.size();
    }
}
