package app.digits.training.control;

import app.digits.dataset.control.MnistReader;
import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.Epoch;
import app.digits.registry.entity.GridPoint;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.TrainingFacts;
import app.digits.training.entity.TrainingRun;
import app.digits.training.entity.TrainingRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One training run, algorithm after algorithm: tune the hyperparameters by cross-validated grid search on a
 * subset of the training images, fit on the training images with the best point, score on the whole MNIST
 * test set, register the model with its sidecar (and in {@code models}). A model that fails is recorded with
 * its reason and the run goes on with the next. At the end the best new model (by test accuracy or macro F1,
 * configurable) is served if it beats the served one. The run's document in {@code training_runs} follows
 * along, so a failed, stopped or interrupted run can be restarted and skip what it already trained. Only one
 * run at a time in the whole cluster (the lease taken by {@link TrainingProgress#start}).
 */
@ApplicationScoped
public class ModelTraining {

    private static final Logger LOG = Logger.getLogger(ModelTraining.class.getName());
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Inject
    MnistReader reader;

    @Inject
    CorrectedDrawings correctedDrawings;

    @Inject
    ModelRegistry registry;

    @Inject
    TrainingProgress progress;

    @Inject
    TrainingRuns runs;

    @Inject
    @ConfigProperty(name = "digits.training.promote-by", defaultValue = "accuracy")
    String promoteBy;

    /** A new run id, in start order: {@code run-20261125-143000-123}. */
    public static String newRunId() {
        var now = Instant.now();
        return "run-" + ID_TIME.format(now) + "-" + String.format("%03d", now.toEpochMilli() % 1000);
    }

    /** A stored run's plan; a run recorded before plans were typed has none and cannot run again. */
    public static TrainingPlan planOf(TrainingRun run) {
        return TrainingPlan.fromJson(run.planJson().orElseThrow(() -> TrainingException.conflict("Run " + run.getId()
                + " was recorded before training plans were typed: start a new run instead")));
    }

    /** Runs (or resumes) the plan under the run document {@code runId}, creating it if needed. */
    public synchronized TrainingRun run(String runId, TrainingPlan plan) {
        var run = runs.findById(runId).orElseGet(() -> TrainingRun.queued(runId, plan.toJson(),
                plan.algorithms().stream().map(Algorithm::key).toList()));
        progress.start(runId, plan.algorithms());
        run.started();
        try {
            runs.save(run);
            var training = readTraining(plan);
            var test = reader.testSet();
            var trained = new ArrayList<ModelDescriptor>();
            for (var step : plan.steps()) {
                if (run.getTrainedAlgorithms().contains(step.algorithm().key())) {
                    progress.update(step.algorithm(), TrainingProgress.Phase.SKIPPED, 0, 0, 1, "");
                    continue;
                }
                progress.checkStop();
                try {
                    var descriptor = trainOne(runId, step, plan, training, test);
                    trained.add(descriptor);
                    run.trained(step.algorithm().key(), descriptor.id());
                } catch (TrainingProgress.RunStopped e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    var why = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOG.log(Level.WARNING, "Training " + step.algorithm().key() + " failed in " + runId, e);
                    progress.update(step.algorithm(), TrainingProgress.Phase.FAILED, 0, 0, 1, why);
                    run.failed(step.algorithm().key(), why);
                }
                runs.save(run);
            }
            promoteBest(run, trained);
            var outcome = run.getFailures().isEmpty() ? TrainingRun.Status.COMPLETED : TrainingRun.Status.FAILED;
            run.ended(outcome, run.getFailures().isEmpty() ? null : String.join("; ", run.getFailures()));
        } catch (TrainingProgress.RunStopped e) {
            run.ended(TrainingRun.Status.STOPPED, e.getMessage());
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            LOG.log(Level.WARNING, "Training run " + runId + " failed", e);
            run.ended(TrainingRun.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            progress.finish(run.getStatus() == TrainingRun.Status.RUNNING ? "failed" : run.getStatus().name().toLowerCase(Locale.ROOT));
            runs.save(run);
        }
        return run;
    }

    private List<LabelledImage> readTraining(TrainingPlan plan) {
        var training = new ArrayList<>(reader.read(Split.TRAIN, plan.imagesNeeded()));
        if (training.size() < plan.cvImages()) {
            throw new IllegalStateException("Only " + training.size() + " training images are stored; the grid search needs "
                    + plan.cvImages());
        }
        return training;
    }

    private ModelDescriptor trainOne(String runId, TrainingPlan.Step step, TrainingPlan plan, List<LabelledImage> training,
                                     List<LabelledImage> test) throws IOException {
        var algorithm = step.algorithm();
        var points = step.grid().size();
        var search = GridSearch.search(training.subList(0, plan.cvImages()), step.grid(), plan.folds(), plan.seed(),
                searchLearner(algorithm), new GridSearch.Listener() {
                    @Override
                    public void pointStarted(int point, int total, Hyperparameters parameters) {
                        progress.checkStop();
                        progress.update(algorithm, TrainingProgress.Phase.SEARCHING, point, total, 0, parameters.toString());
                    }

                    @Override
                    public void pointDone(int point, int total, GridPoint result) {
                        progress.update(algorithm, TrainingProgress.Phase.SEARCHING, point, total, 1, parameters(result));
                    }
                });
        var images = new ArrayList<>(training.subList(0, Math.min(step.trainingImages(), training.size())));
        int drawings = 0;
        int skippedNumbers = 0;
        if (plan.includeDrawings()) {
            var corrected = correctedDrawings.acceptedTrainingImages();
            var labelled = corrected.images();
            drawings = labelled.size();
            images.addAll(labelled);
            skippedNumbers = corrected.numbersSkipped();
        }
        progress.update(algorithm, TrainingProgress.Phase.FITTING, points, points, 0, search.best().toString());
        int fromDrawings = drawings;
        LOG.info(() -> "Training " + algorithm.key() + " (" + search.best() + ") on " + images.size() + " images ("
                + fromDrawings + " of them people's drawings)");
        var epochs = new ArrayList<Epoch>();
        long start = System.nanoTime();
        var classifier = algorithm.learner().fit(images, search.best(), plan.seed(), (epoch, of) -> {
            epochs.add(epoch);
            progress.advance(algorithm, (double) epoch.epoch() / of);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        progress.update(algorithm, TrainingProgress.Phase.SCORING, points, points, 0, "");
        var facts = new TrainingFacts(runId, Instant.now().toString(), search.best().values(), images.size(), drawings,
                skippedNumbers, seconds, search.points(), step.grid().mainAxis(), epochs);
        var descriptor = registry.register(classifier, describe(algorithm, facts, Evaluation.evaluate(classifier, test)));
        progress.update(algorithm, TrainingProgress.Phase.DONE, points, points, 1,
                String.format(Locale.ROOT, "%.2f", 100 * descriptor.test().accuracy()));
        LOG.info(() -> String.format("Model %s: %.2f%% accuracy on %d MNIST test images, trained in %.0f s", descriptor.id(),
                100 * descriptor.test().accuracy(), descriptor.test().images(), seconds));
        return descriptor;
    }

    /** The algorithm's learner, stoppable between epochs during the grid search too. */
    private Learner searchLearner(Algorithm algorithm) {
        return (images, parameters, seed, ignored) -> algorithm.learner().fit(images, parameters, seed,
                (epoch, of) -> progress.checkStop());
    }

    /** The one place a trained model's descriptor is built (the registry adds its file when it saves it). */
    public static ModelDescriptor describe(Algorithm algorithm, TrainingFacts facts, Evaluation.Report report) {
        var id = algorithm.library().toLowerCase(Locale.ROOT) + "-" + algorithm.key().replace("weka-", "") + "-"
                + ID_TIME.format(Instant.parse(facts.trainedAt()));
        return new ModelDescriptor(id, algorithm.title(), algorithm.library(), facts, report.scores(), null);
    }

    private static String parameters(GridPoint point) {
        return String.format(Locale.ROOT, "%s: %.2f %%", new Hyperparameters(point.parameters()), 100 * point.meanAccuracy());
    }

    private void promoteBest(TrainingRun run, List<ModelDescriptor> trained) throws IOException {
        var best = trained.stream().max(java.util.Comparator.comparingDouble(this::score));
        var served = registry.served().map(model -> model.descriptor());
        if (best.isPresent() && (served.isEmpty() || score(best.get()) > score(served.get()))) {
            registry.serve(best.get().id());
            run.promoted(best.get().id());
        }
    }

    private double score(ModelDescriptor descriptor) {
        return "macro-f1".equals(promoteBy) ? descriptor.test().macroF1() : descriptor.test().accuracy();
    }

    /** The runs, newest first. */
    public List<TrainingRun> runs(int limit) {
        markInterrupted();
        return runs.findAll().sorted(java.util.Comparator.comparing(TrainingRun::getId).reversed()).limit(limit).toList();
    }

    public Optional<TrainingRun> findRun(String id) {
        markInterrupted();
        return runs.findById(id);
    }

    /**
     * Runs left running or queued by a server that stopped are marked interrupted, so they can be restarted;
     * the run that holds the cluster's lease goes on, on another instance. Done at start-up and before runs
     * are read, since a dead instance's lease only expires after its term, often after a restart.
     */
    public void markInterrupted() {
        var live = progress.runningAnywhere();
        runs.findAll().filter(run -> run.getStatus() != null && run.getStatus().active())
                .filter(run -> !live.map(run.getId()::equals).orElse(false)).forEach(run -> {
            run.ended(TrainingRun.Status.INTERRUPTED, "the server stopped during the run");
            runs.save(run);
        });
    }
}
