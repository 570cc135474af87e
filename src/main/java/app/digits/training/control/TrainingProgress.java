package app.digits.training.control;

import app.digits.platform.control.Instance;
import app.digits.platform.control.MongoConnection;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the current (or last) training run stands, model by model, so the dashboard and the start-up banner
 * of every instance can show it live: each model's phase (waiting, grid search at point i of n, final fit,
 * scoring, done with its accuracy, failed with its reason), the whole run's share done weighted by each
 * algorithm's expected cost, the elapsed time and an estimate of the time left. Starting a run takes the
 * cluster's {@link TrainingLease} (so only one run goes on anywhere), renewed while the run goes on and given
 * back at its end; every change is published to MongoDB ({@link ProgressBoard}) for the other instances. A
 * stop request, from any instance, travels on the lease to the run.
 */
@ApplicationScoped
public class TrainingProgress {

    private static final Logger LOG = Logger.getLogger(TrainingProgress.class.getName());

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

    @Inject
    MongoConnection connection;

    @Inject
    @ConfigProperty(name = "digits.training.lease-seconds", defaultValue = "30")
    long leaseSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private Clock clock = Clock.systemUTC();
    private TrainingLease lease;
    private ProgressBoard board;
    private ScheduledFuture<?> heartbeat;
    private ProgressBoard.State state;
    private final List<ModelStep> models = new ArrayList<>();
    private volatile boolean stopRequested;

    private synchronized TrainingLease lease() {
        if (lease == null) {
            connect(connection.database(), Instance.ID, Duration.ofSeconds(leaseSeconds), Clock.systemUTC());
        }
        return lease;
    }

    private ProgressBoard board() {
        lease();
        return board;
    }

    /** Shares runs through this database as this instance; once connected, at first use (tests call it directly). */
    synchronized void connect(MongoDatabase database, String instance, Duration leaseTerm, Clock time) {
        clock = time;
        lease = new TrainingLease(database, instance, leaseTerm, time);
        board = new ProgressBoard(database);
    }

    /**
     * Takes the cluster's lease for the run (a 409 problem when another run holds it) and starts tracking it;
     * starting the same run again (the job of a run the API started) keeps the lease.
     */
    public synchronized void start(String run, List<Algorithm> algorithms) {
        lease().acquire(run);
        stopRequested = false;
        models.clear();
        algorithms.forEach(algorithm -> models.add(new ModelStep(algorithm, Phase.WAITING, 0, 0, 0, "")));
        state = new ProgressBoard.State(run, clock.instant(), null, "running", List.copyOf(models));
        board().publish(state);
        startHeartbeat(run);
    }

    public synchronized void update(Algorithm algorithm, Phase phase, int point, int points, double share, String result) {
        models.replaceAll(step -> step.algorithm() == algorithm ? new ModelStep(algorithm, phase, point, points, share, result) : step);
        publish();
    }

    /** Moves a model along inside its phase (an epoch of a fit, say). */
    public synchronized void advance(Algorithm algorithm, double share) {
        checkStop();
        models.replaceAll(step -> step.algorithm() == algorithm
                ? new ModelStep(algorithm, step.phase(), step.point(), step.points(), share, step.result()) : step);
        publish();
    }

    /** Ends the run with its outcome and gives the lease back. */
    public synchronized void finish(String how) {
        if (state == null) {
            return;
        }
        state = new ProgressBoard.State(state.runId(), state.startedAt(), clock.instant(), how, List.copyOf(models));
        board().publish(state);
        stopHeartbeat();
        lease().release(state.runId());
    }

    /** Asks the run going on anywhere in the cluster to stop after its current step; false when none is going. */
    public boolean requestStop() {
        if (runningHere()) {
            stopRequested = true;
        }
        return lease().requestStop();
    }

    /** Throws {@link RunStopped} when someone asked the run to stop. */
    public void checkStop() {
        if (stopRequested) {
            throw new RunStopped();
        }
    }

    /** The run that holds the cluster's lease, on whichever instance. */
    public Optional<String> runningAnywhere() {
        return lease().holder().map(TrainingLease.Holder::runId);
    }

    /** The run of this instance while it goes on; otherwise the last run published by any instance. */
    public synchronized Snapshot current() {
        var now = clock.instant();
        if (runningHere()) {
            return snapshot(new ProgressBoard.State(state.runId(), state.startedAt(), null, "running", List.copyOf(models)), now);
        }
        var shared = board().read();
        if (shared.isEmpty()) {
            return new Snapshot(null, false, "idle", List.of(), 0, 0, -1);
        }
        var published = shared.get();
        boolean held = runningAnywhere().filter(published.runId()::equals).isPresent();
        if (published.endedAt() == null && !held) {
            // Its instance stopped renewing the lease: the run died with it.
            published = new ProgressBoard.State(published.runId(), published.startedAt(), now, "interrupted", published.models());
        }
        return snapshot(published, now);
    }

    private boolean runningHere() {
        return state != null && state.endedAt() == null;
    }

    private void publish() {
        if (runningHere()) {
            board().publish(new ProgressBoard.State(state.runId(), state.startedAt(), null, "running", List.copyOf(models)));
        }
    }

    private static Snapshot snapshot(ProgressBoard.State state, Instant now) {
        var models = state.models();
        double total = models.stream().mapToDouble(step -> step.algorithm().cost()).sum();
        double done = models.stream().mapToDouble(step -> step.algorithm().cost() * step.done()).sum();
        double share = total == 0 ? 1 : done / total;
        boolean running = state.endedAt() == null;
        long elapsed = Duration.between(state.startedAt(), running ? now : state.endedAt()).toSeconds();
        long remaining = !running ? 0 : share < 0.02 ? -1 : Math.round(elapsed * (1 - share) / share);
        return new Snapshot(state.runId(), running, state.outcome(), models, (int) Math.floor(100 * share), elapsed, remaining);
    }

    private void startHeartbeat(String run) {
        stopHeartbeat();
        if (scheduler != null) {
            long every = Math.max(1, lease.term().toMillis() / 3);
            heartbeat = scheduler.scheduleAtFixedRate(() -> beat(run), every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    /** Renews the lease; a stop request found on it, or a lease lost to another instance, stops the run here. */
    void beat(String run) {
        try {
            var renewed = lease().renew(run);
            if (renewed.isEmpty()) {
                LOG.severe(() -> "Training run " + run + " lost its lease (not renewed in time): stopping it here");
            }
            if (renewed.isEmpty() || renewed.get().stopRequested()) {
                stopRequested = true;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the training lease of " + run + "; trying again", e);
        }
    }

    @PreDestroy
    synchronized void close() {
        stopHeartbeat();
    }

    /** Thrown inside a run that was asked to stop, to unwind it between two steps. */
    public static final class RunStopped extends RuntimeException {
        RunStopped() {
            super("stopped by an administrator");
        }
    }
}
