package app.digits.training.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * Where the current (or last) training run stands, so pages can show a progress bar during the first start
 * or an admin's run. Each stage has a message key for the pages (French and English) and an English text
 * for the API.
 */
@ApplicationScoped
public class TrainingProgress {

    /** The stages of a run, with the English text of each; the pages use {@code training.<key>} messages. */
    public enum Stage {
        IDLE("idle", "idle"),
        READING("reading", "reading the training images"),
        TRAINING("training", "training: epoch {0} of {1}"),
        SCORING("scoring", "scoring on the test set"),
        SERVED("served", "done: {0}, {1}% on the MNIST test set, now served"),
        KEPT("kept", "done: {0}, {1}% on the MNIST test set, kept (the served model is better)"),
        FAILED("failed", "failed: {0}");

        private final String key;
        private final String english;

        Stage(String key, String english) {
            this.key = key;
            this.english = english;
        }

        public String key() {
            return key;
        }
    }

    /** A stage with its arguments and a percentage for the progress bar. */
    public record Step(boolean running, Stage stage, List<String> arguments, int percent) {

        public String message() {
            return new MessageFormat(stage.english, Locale.ROOT).format(arguments.toArray());
        }

        /** Argument {@code i}, or empty, so templates can pass a fixed number of them. */
        public String argument(int i) {
            return i < arguments.size() ? arguments.get(i) : "";
        }
    }

    private volatile Step step = new Step(false, Stage.IDLE, List.of(), 0);

    public void update(Stage stage, int percent, String... arguments) {
        step = new Step(true, stage, List.of(arguments), percent);
    }

    public void stopped(Stage stage, String... arguments) {
        step = new Step(false, stage, List.of(arguments), stage == Stage.FAILED ? step.percent() : 100);
    }

    public Step current() {
        return step;
    }
}
