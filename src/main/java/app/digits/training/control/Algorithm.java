package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import java.util.Arrays;
import java.util.Locale;

/** The classifiers a training run can fit, by the name used in job parameters and forms. */
public enum Algorithm {
    MLP("mlp", "Multilayer perceptron"),
    LOGISTIC_REGRESSION("logistic-regression", "Logistic regression"),
    DECISION_TREE("decision-tree", "Decision tree"),
    RANDOM_FOREST("random-forest", "Random forest");

    private final String key;
    private final String title;

    Algorithm(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public static Algorithm parse(String key) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.key.equals(key == null ? "" : key.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Unknown algorithm '" + key + "': use one of "
                        + Arrays.stream(values()).map(Algorithm::key).toList()));
    }
}
