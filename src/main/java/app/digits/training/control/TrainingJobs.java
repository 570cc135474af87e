package app.digits.training.control;

import app.digits.training.entity.TrainingRun;
import app.digits.training.entity.TrainingRuns;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Properties;

/**
 * Starts, restarts and stops the {@code train-models} batch job, one run at a time in the whole cluster: the
 * run takes the cluster's training lease before anything is recorded, so a second start on any instance is
 * refused with 409. A run is recorded in {@code training_runs} with its plan before its job starts, so it shows
 * up at once and its job reads the plan from there (the job's only parameter is the run's id); a restart starts a new job execution on the same run document with the same parameters, and the run skips
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
        var run = TrainingRun.queued(ModelTraining.newRunId(), plan.toJson(), plan.algorithms().stream().map(Algorithm::key).toList());
        launch(run, plan);
        return run.getId();
    }

    public synchronized String restart(String runId) {
        var run = training.findRun(runId).orElseThrow(() -> TrainingException.notFound("No training run " + runId));
        if (!run.getStatus().restartable()) {
            throw TrainingException.conflict("Run " + runId + " is " + run.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only failed, stopped or interrupted runs can be restarted");
        }
        launch(run, ModelTraining.planOf(run));
        return runId;
    }

    /** Asks the running run to stop after the current step (an epoch, a grid point or a fit). */
    public void stop() {
        if (!progress.requestStop()) {
            throw TrainingException.conflict("No training run is going");
        }
    }

    public TrainingProgress.Snapshot current() {
        return progress.current();
    }

    /** Takes the lease (or fails with 409 before anything is stored), records the run, starts its job. */
    private void launch(TrainingRun run, TrainingPlan plan) {
        var parameters = new Properties();
        parameters.setProperty(RUN_ID, run.getId());
        progress.start(run.getId(), plan.algorithms());
        try {
            runs.save(run);
            BatchRuntime.getJobOperator().start(JOB, parameters);
        } catch (RuntimeException e) {
            progress.finish("failed");
            throw e;
        }
    }
}
