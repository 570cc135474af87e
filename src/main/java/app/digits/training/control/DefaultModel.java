package app.digits.training.control;

import app.digits.registry.control.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation serves a real model soon and the best one later: when the registry has
 * none, it trains the MLP on DJL (no grid search, ten epochs by default: about 15 seconds on two cores) on
 * {@code mnist_train}, which scores, saves and serves it; then it starts a background training run of the
 * follow-up algorithms (the CNN by default, seeded), which is hot-swapped in if it scores better. The size of
 * both is configurable so tests can train on a subset and without a follow-up ({@code none}). An instance that
 * joins a cluster while another trains waits for the model that one serves.
 */
@ApplicationScoped
public class DefaultModel {

    private static final Logger LOG = Logger.getLogger(DefaultModel.class.getName());

    @Inject
    ModelRegistry registry;

    @Inject
    ModelTraining training;

    @Inject
    @ConfigProperty(name = "digits.default-model.training-images", defaultValue = "60000")
    int trainingImages;

    @Inject
    @ConfigProperty(name = "digits.default-model.epochs", defaultValue = "10")
    int epochs;

    @Inject
    @ConfigProperty(name = "digits.default-model.hidden-units", defaultValue = "256")
    int hiddenUnits;

    @Inject
    @ConfigProperty(name = "digits.default-model.seed", defaultValue = "42")
    long seed;

    @Inject
    @ConfigProperty(name = "digits.default-model.follow-up", defaultValue = "cnn")
    List<String> followUp;

    @Inject
    TrainingJobs jobs;

    @Inject
    TrainingProgress progress;

    /**
     * Trains and serves the default model unless a model is served already, then starts the follow-up run;
     * both are recorded as training runs.
     */
    public void ensureServed() {
        var elsewhere = progress.runningAnywhere();
        if (registry.served().isEmpty() && elsewhere.isPresent()) {
            LOG.info(() -> "No model yet, but training run " + elsewhere.get() + " goes on in the cluster: this instance "
                    + "serves what it serves");
        } else if (registry.served().isEmpty()) {
            var plan = TrainingRequests.of(List.of(Algorithm.MLP.key()), Algorithm.GridSize.NONE.key(),
                    Map.of(Algorithm.MLP.key(), "hiddenUnits=" + hiddenUnits + ";epochs=" + epochs), null, 100, trainingImages,
                    false, seed);
            var run = training.run(ModelTraining.newRunId(), plan);
            if (registry.served().isEmpty()) {
                throw new IllegalStateException("The default model could not be trained: " + run.getReason());
            }
            startFollowUp();
        }
    }

    private void startFollowUp() {
        var algorithms = followUp.stream().map(String::trim).filter(key -> !key.isEmpty() && !"none".equals(key)).toList();
        if (!algorithms.isEmpty()) {
            try {
                var runId = jobs.start(TrainingRequests.of(algorithms, Algorithm.GridSize.NONE.key(), Map.of(), null, 100,
                        trainingImages, false, seed));
                LOG.info(() -> "Follow-up training run " + runId + " of " + algorithms + " started in the background");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The follow-up training run of " + algorithms + " could not start; the default model stays", e);
            }
        }
    }
}
