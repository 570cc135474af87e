package app.digits.training.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the default model's training stands (reading data, epoch n of m, evaluating), so the home page can
 * show progress during the first start instead of an unexplained wait.
 */
@ApplicationScoped
public class TrainingProgress {

    public record Step(boolean running, String message, int percent) {
    }

    private volatile Step step = new Step(false, "idle", 0);

    public void update(String message, int percent) {
        step = new Step(true, message, percent);
    }

    public void stopped(String message) {
        step = new Step(false, message, step.percent());
    }

    public Step current() {
        return step;
    }
}
