package app.digits.training.boundary;

import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingJobs;
import app.digits.training.control.TrainingProgress;
import app.digits.training.entity.TrainingRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The step of the {@code train-models} job: reads the run document its parameter names and runs the plan it
 * holds. A run that ends failed or stopped fails or stops the job with its reason; serving is never
 * touched unless a better model was trained. {@link #stop()} (the job operator's stop) asks the run to stop
 * after its current step.
 */
@Dependent
@Named("trainModelBatchlet")
public class TrainModelBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    ModelTraining training;

    @Inject
    TrainingProgress progress;

    @Override
    public String process() {
        var runId = BatchRuntime.getJobOperator().getParameters(job.getExecutionId()).getProperty(TrainingJobs.RUN_ID);
        var stored = training.findRun(runId).orElseThrow(() -> new IllegalStateException("No training run " + runId));
        var run = training.run(runId, ModelTraining.planOf(stored));
        job.setExitStatus(run.getStatus().name() + (run.getReason() == null ? "" : ": " + run.getReason()));
        if (run.getStatus() == TrainingRun.Status.FAILED) {
            throw new IllegalStateException(run.getReason());
        }
        return run.getStatus() == TrainingRun.Status.STOPPED ? BatchStatus.STOPPED.name() : BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        progress.requestStop();
    }
}
