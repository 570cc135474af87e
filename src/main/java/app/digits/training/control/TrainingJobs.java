package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import app.digits.training.entity.TrainingRun;
import app.digits.training.entity.TrainingRuns;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Starts, restarts and stops the {@code train-models} batch job, one run at a time in the whole cluster: the
 * run takes the cluster's training lease before anything is recorded, so a second start on any instance is
 * refused with 409. A run is recorded in {@code training_runs} before its job starts, so it shows up at once;
 * a restart starts a new job execution on the same run document with the same parameters, and the run skips
 * the models it already trained. A stop reaches the run on whichever instance it goes on.
 */
@ApplicationScoped
public class TrainingJobs {

    public static final String JOB = "train-models";
    public static final String RUN_ID = "runId";

    @Inject
    TrainingProgress progress;

    @Inject
    TrainingRuns runs;

    @Inject
    ModelTraining training;

    public synchronized String start(TrainingPlan plan) {
        var parameters = TrainingRequests.toJobParameters(plan);
        var run = TrainingRun.queued(ModelTraining.newRunId(), TrainingRequests.asLines(parameters),
                plan.algorithms().stream().map(Algorithm::key).toList());
        launch(run);
        return run.getId();
    }

    public synchronized String restart(String runId) {
        var run = training.findRun(runId).orElseThrow(() -> ProblemException.notFound("No training run " + runId));
        if (!run.getStatus().restartable()) {
            throw new ProblemException(409, "Conflict", "Run " + runId + " is " + run.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only failed, stopped or interrupted runs can be restarted");
        }
        launch(run);
        return runId;
    }

    /** Asks the running run to stop after the current step (an epoch, a grid point or a fit). */
    public void stop() {
        if (!progress.requestStop()) {
            throw new ProblemException(409, "Conflict", "No training run is going");
        }
    }

    public TrainingProgress.Snapshot current() {
        return progress.current();
    }

    /** Takes the lease (or fails with 409 before anything is stored), records the run, starts its job. */
    private void launch(TrainingRun run) {
        var parameters = TrainingRequests.fromLines(run.getParameters());
        parameters.setProperty(RUN_ID, run.getId());
        progress.start(run.getId(), TrainingRequests.fromJobParameters(parameters).algorithms());
        try {
            runs.save(run);
            BatchRuntime.getJobOperator().start(JOB, parameters);
        } catch (RuntimeException e) {
            progress.finish("failed");
            throw e;
        }
    }
}
