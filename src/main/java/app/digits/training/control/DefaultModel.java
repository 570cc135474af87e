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
 * none, it trains a small CNN (16/32 filters, two epochs on images distorted like real writing: 23-26 s in a
 * first start on two cores) on {@code mnist_train}, which scores, saves and serves it; then it starts a
 * background training run of the follow-up algorithms (an ensemble of two CNNs, seeded: the only model that has
 * reached issue 9's 99.6 % on the MNIST test set in more than one draw), which is hot-swapped in if it scores
 * better. The small CNN replaced the MLP as the first model on 2026-11-28: 98.8 % on the MNIST test set
 * where the MLP had 98.2 %, 0.9 % of digits refused where the MLP refused 1.3 % (over the 1 % budget; rotated
 * digits above all), and numbers read better (README, Not one digit); first starts served it 44-54 s after
 * launch, the MLP 46-51 s. Algorithm and settings are configurable so tests can train something quicker, on a
 * subset, without a follow-up ({@code none}). An instance that joins a cluster while another trains waits for
 * the model that one serves.
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

    /** The first model's algorithm: see the class's Javadoc for why a small CNN. */
    @Inject
    @ConfigProperty(name = "digits.default-model.algorithm", defaultValue = "cnn")
    String algorithm;

    /** Its settings, over the algorithm's defaults ({@code name=value;...}). */
    @Inject
    @ConfigProperty(name = "digits.default-model.settings",
            defaultValue = "filters1=16;filters2=32;hiddenUnits=128;epochs=2;augmentation=writing")
    String settings;

    @Inject
    @ConfigProperty(name = "digits.default-model.seed", defaultValue = "42")
    long seed;

    @Inject
    @ConfigProperty(name = "digits.default-model.follow-up", defaultValue = "cnn-ensemble")
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
            var run = training.run(ModelTraining.newRunId(), firstModelPlan(algorithm, settings, trainingImages, seed));
            if (registry.served().isEmpty()) {
                throw new IllegalStateException("The default model could not be trained: " + run.getReason());
            }
            startFollowUp();
        }
    }

    /** The first model's run: one algorithm, its settings as the only point of its grid, no search. */
    static TrainingPlan firstModelPlan(String algorithm, String settings, int trainingImages, long seed) {
        return TrainingRequests.of(List.of(algorithm), Algorithm.GridSize.NONE.key(), Map.of(algorithm, settings), null, 100,
                trainingImages, false, seed);
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
