package app.digits.training.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the current (or last) training run stands, model by model, so the dashboard and the start-up banner
 * can show it live: each model's phase (waiting, grid search at point i of n, final fit, scoring, done with
 * its accuracy, failed with its reason), the whole run's share done weighted by each algorithm's expected
 * cost, the elapsed time and an estimate of the time left. It also carries a stop request to the run.
 */
@ApplicationScoped
public class TrainingProgress {

    /** A model's phase in the run; pages use {@code training.phase.<key>} messages. */
    public enum Phase {
        WAITING, SEARCHING, FITTING, SCORING, DONE, FAILED, SKIPPED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean finished() {
            return this == DONE || this == FAILED || this == SKIPPED;
        }
    }

    /** One model of the run. {@code share} is the part of the current phase done (0 to 1). */
    public record ModelStep(Algorithm algorithm, Phase phase, int point, int points, double share, String result) {

        /** This model's part done (0 to 1): a grid search counts for 30 %, the final fit 60 %, scoring 10 %. */
        double done() {
            double search = points > 1 ? 0.3 : 0;
            return switch (phase) {
                case WAITING -> 0;
                case SEARCHING -> search * ((point - 1) + share) / Math.max(1, points);
                case FITTING -> search + (0.9 - search) * share;
                case SCORING -> 0.9;
                case DONE, FAILED, SKIPPED -> 1;
            };
        }

        public int percent() {
            return (int) Math.round(100 * done());
        }
    }

    /** The run as a whole; {@code remainingSeconds} is -1 until there is enough done to estimate it. */
    public record Snapshot(String runId, boolean running, String outcome, List<ModelStep> models, int percent,
                           long elapsedSeconds, long remainingSeconds) {

        public boolean idle() {
            return runId == null;
        }

        /** The elapsed time as people read it: {@code 4 min 05 s}. */
        public String elapsed() {
            return duration(elapsedSeconds);
        }

        public String remaining() {
            return duration(Math.max(0, remainingSeconds));
        }

        static String duration(long seconds) {
            return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }

        /** The model being worked on, if any. */
        public ModelStep current() {
            return models.stream().filter(step -> !step.phase().finished() && step.phase() != Phase.WAITING).findFirst()
                    .orElse(null);
        }
    }

    private String runId;
    private Instant started;
    private Instant ended;
    private String outcome = "idle";
    private final List<ModelStep> models = new ArrayList<>();
    private volatile boolean stopRequested;

    public synchronized void start(String run, List<Algorithm> algorithms) {
        runId = run;
        started = Instant.now();
        ended = null;
        outcome = "running";
        stopRequested = false;
        models.clear();
        algorithms.forEach(algorithm -> models.add(new ModelStep(algorithm, Phase.WAITING, 0, 0, 0, "")));
    }

    public synchronized void update(Algorithm algorithm, Phase phase, int point, int points, double share, String result) {
        models.replaceAll(step -> step.algorithm() == algorithm ? new ModelStep(algorithm, phase, point, points, share, result) : step);
    }

    /** Moves a model along inside its phase (an epoch of a fit, say). */
    public synchronized void advance(Algorithm algorithm, double share) {
        if (stopRequested) {
            throw new RunStopped();
        }
        models.replaceAll(step -> step.algorithm() == algorithm
                ? new ModelStep(algorithm, step.phase(), step.point(), step.points(), share, step.result()) : step);
    }

    public synchronized void finish(String how) {
        outcome = how;
        ended = Instant.now();
    }

    public void requestStop() {
        stopRequested = true;
    }

    /** Throws {@link RunStopped} when someone asked the run to stop. */
    public void checkStop() {
        if (stopRequested) {
            throw new RunStopped();
        }
    }

    public synchronized Snapshot current() {
        if (runId == null) {
            return new Snapshot(null, false, outcome, List.of(), 0, 0, -1);
        }
        double total = models.stream().mapToDouble(step -> step.algorithm().cost()).sum();
        double done = models.stream().mapToDouble(step -> step.algorithm().cost() * step.done()).sum();
        double share = total == 0 ? 1 : done / total;
        long elapsed = Duration.between(started, ended == null ? Instant.now() : ended).toSeconds();
        long remaining = ended != null ? 0 : share < 0.02 ? -1 : Math.round(elapsed * (1 - share) / share);
        return new Snapshot(runId, ended == null, outcome, List.copyOf(models), (int) Math.floor(100 * share), elapsed, remaining);
    }

    /** Thrown inside a run that was asked to stop, to unwind it between two steps. */
    public static final class RunStopped extends RuntimeException {
        RunStopped() {
            super("stopped by an administrator");
        }
    }
}
