package app.digits.dataset.control;

import app.digits.dataset.entity.Split;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of the MNIST imports, per split, so the page and the API can show a progress bar while
 * 70,000 images go into MongoDB instead of a server that looks frozen.
 */
@ApplicationScoped
public class ImportProgress {

    public enum State { WAITING, IMPORTING, DONE, FAILED }

    public record Step(State state, int done, int total, String message) {

        public int percent() {
            return total == 0 ? (state == State.DONE ? 100 : 0) : (int) (100L * done / total);
        }
    }

    private final Map<Split, Step> steps = new ConcurrentHashMap<>(Map.of(
            Split.TRAIN, new Step(State.WAITING, 0, 0, "waiting"),
            Split.TEST, new Step(State.WAITING, 0, 0, "waiting")));

    public void started(Split split, int total, String source) {
        steps.put(split, new Step(State.IMPORTING, 0, total, "importing " + source));
    }

    public void advanced(Split split, int done) {
        steps.computeIfPresent(split, (key, step) -> new Step(step.state(), done, step.total(), step.message()));
    }

    public void finished(Split split, long stored, String message) {
        steps.put(split, new Step(State.DONE, (int) stored, (int) stored, message));
    }

    public void failed(Split split, String reason) {
        steps.computeIfPresent(split, (key, step) -> new Step(State.FAILED, step.done(), step.total(), reason));
    }

    public Step of(Split split) {
        return steps.get(split);
    }

    public boolean allDone() {
        return steps.values().stream().allMatch(step -> step.state() == State.DONE);
    }

    public boolean anyFailed() {
        return steps.values().stream().anyMatch(step -> step.state() == State.FAILED);
    }
}
