package app.digits.startup.control;

import app.digits.dataset.control.ImportProgress;
import app.digits.dataset.entity.Split;
import app.digits.registry.control.ModelRegistry;
import app.digits.training.control.TrainingProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One summary of the start-up for people: ready, importing MNIST, training the first model, or stuck with a
 * reason, with a percentage for the progress bar.
 */
@ApplicationScoped
public class StartupStatus {

    public enum Phase { READY, IMPORTING, TRAINING, FAILED }

    /** The phase, a detail (counts while importing, the reason of a failure), and the training step. */
    public record Summary(Phase phase, String detail, int percent) {

        public boolean ready() {
            return phase == Phase.READY;
        }
    }

    @Inject
    ModelRegistry registry;

    @Inject
    ImportProgress imports;

    @Inject
    TrainingProgress training;

    private volatile String failure;

    /** Records why start-up could not end with a served model. */
    public void failed(String reason) {
        failure = reason;
    }

    public Summary current() {
        if (registry.served().isPresent()) {
            return new Summary(Phase.READY, "", 100);
        }
        if (failure != null) {
            return new Summary(Phase.FAILED, failure, 0);
        }
        if (imports.anyFailed()) {
            var failed = imports.of(Split.TRAIN).state() == ImportProgress.State.FAILED ? Split.TRAIN : Split.TEST;
            return new Summary(Phase.FAILED, imports.of(failed).message(), 0);
        }
        if (!imports.allDone()) {
            var train = imports.of(Split.TRAIN);
            var test = imports.of(Split.TEST);
            int done = train.done() + test.done();
            int total = Math.max(1, Math.max(train.total(), Split.TRAIN.mnistSize()) + Math.max(test.total(), Split.TEST.mnistSize()));
            return new Summary(Phase.IMPORTING, done + " / " + total, (int) (100L * done / total));
        }
        int percent = training.current().percent();
        return new Summary(Phase.TRAINING, String.valueOf(percent), percent);
    }
}
