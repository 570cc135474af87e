package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Starts the {@code train-models} batch job, one run at a time, and tells where the current run stands. */
@ApplicationScoped
public class TrainingJobs {

    public static final String JOB = "train-models";

    @Inject
    TrainingProgress progress;

    public synchronized long start(ModelTraining.Request request) {
        if (progress.current().running()) {
            throw new ProblemException(409, "Conflict", "A training run is already going: " + progress.current().message());
        }
        progress.update(TrainingProgress.Stage.READING, 0);
        return BatchRuntime.getJobOperator().start(JOB, TrainingRequests.toJobParameters(request));
    }

    public TrainingProgress.Step current() {
        return progress.current();
    }
}
