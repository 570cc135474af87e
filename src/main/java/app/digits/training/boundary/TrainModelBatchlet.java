package app.digits.training.boundary;

import app.digits.training.control.ModelTraining;
import app.digits.training.control.TrainingProgress;
import app.digits.training.control.TrainingRequests;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The step of the {@code train-models} job: reads the job's parameters and runs one training. A failure
 * fails the job with its reason and leaves the served model as it was.
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
    public String process() throws Exception {
        var parameters = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        try {
            var descriptor = training.train(TrainingRequests.fromJobParameters(parameters));
            job.setExitStatus("trained " + descriptor.id());
            return "COMPLETED";
        } catch (Exception | Error e) {
            progress.stopped(TrainingProgress.Stage.FAILED, String.valueOf(e.getMessage()));
            job.setExitStatus("failed: " + e.getMessage());
            throw e;
        }
    }
}
