package app.digits.training.control;

import app.digits.registry.control.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation serves a real model: when the registry has none, it runs one training of
 * the Smile MLP (no grid search) on {@code mnist_train} with the configured settings, which scores, saves and serves it. The
 * size of the run is configurable so tests can train on a subset.
 */
@ApplicationScoped
public class DefaultModel {

    @Inject
    ModelRegistry registry;

    @Inject
    ModelTraining training;

    @Inject
    @ConfigProperty(name = "digits.default-model.training-images", defaultValue = "60000")
    int trainingImages;

    @Inject
    @ConfigProperty(name = "digits.default-model.epochs", defaultValue = "4")
    int epochs;

    @Inject
    @ConfigProperty(name = "digits.default-model.hidden-units", defaultValue = "256")
    int hiddenUnits;

    @Inject
    @ConfigProperty(name = "digits.default-model.seed", defaultValue = "42")
    long seed;

    /** Trains and serves the default model unless a model is served already; recorded as a training run. */
    public void ensureServed() {
        if (registry.served().isEmpty()) {
            var plan = TrainingRequests.of(List.of(Algorithm.MLP.key()), Algorithm.GridSize.NONE.key(),
                    Map.of(Algorithm.MLP.key(), "hiddenUnits=" + hiddenUnits + ";epochs=" + epochs), null, 100, trainingImages,
                    false, seed);
            var run = training.run(ModelTraining.newRunId(), plan);
            if (registry.served().isEmpty()) {
                throw new IllegalStateException("The default model could not be trained: " + run.getReason());
            }
        }
    }
}
