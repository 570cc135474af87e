package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import java.util.Properties;

/**
 * Turns what an administrator asks for into a training request and back into job parameters, checking the
 * bounds once: a known algorithm, 100 to 60,000 MNIST images, 1 to 20 epochs, 16 to 1,024 hidden units,
 * 1 to 500 trees.
 */
public final class TrainingRequests {

    private TrainingRequests() {
    }

    public static ModelTraining.Request of(Algorithm algorithm, int trainingImages, int epochs, int hiddenUnits, int trees,
                                           boolean includeDrawings, long seed) {
        check(trainingImages, 100, 60_000, "trainingImages");
        check(epochs, 1, 20, "epochs");
        check(hiddenUnits, 16, 1024, "hiddenUnits");
        check(trees, 1, 500, "trees");
        return new ModelTraining.Request(algorithm, trainingImages, includeDrawings,
                new SmileMlpTrainer.Settings(hiddenUnits, epochs, 64, 0.1, 0.9, seed), trees);
    }

    public static Properties toJobParameters(ModelTraining.Request request) {
        var parameters = new Properties();
        parameters.setProperty("algorithm", request.algorithm().key());
        parameters.setProperty("trees", String.valueOf(request.trees()));
        parameters.setProperty("trainingImages", String.valueOf(request.trainingImages()));
        parameters.setProperty("includeDrawings", String.valueOf(request.includeDrawings()));
        parameters.setProperty("epochs", String.valueOf(request.settings().epochs()));
        parameters.setProperty("hiddenUnits", String.valueOf(request.settings().hiddenUnits()));
        parameters.setProperty("seed", String.valueOf(request.settings().seed()));
        return parameters;
    }

    public static ModelTraining.Request fromJobParameters(Properties parameters) {
        return of(Algorithm.parse(parameters.getProperty("algorithm", Algorithm.MLP.key())),
                Integer.parseInt(parameters.getProperty("trainingImages", "60000")),
                Integer.parseInt(parameters.getProperty("epochs", "4")),
                Integer.parseInt(parameters.getProperty("hiddenUnits", "256")),
                Integer.parseInt(parameters.getProperty("trees", "100")),
                Boolean.parseBoolean(parameters.getProperty("includeDrawings", "false")),
                Long.parseLong(parameters.getProperty("seed", "42")));
    }

    private static void check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw ProblemException.badRequest(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
