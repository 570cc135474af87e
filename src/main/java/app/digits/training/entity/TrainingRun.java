package app.digits.training.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One training run as stored in {@code training_runs}: what was asked (the training plan as one JSON object,
 * so a failed run can be started again exactly; runs recorded before plans were typed have none and cannot be
 * restarted), where it stands, the models it
 * registered (by algorithm, so a restarted run skips them), what failed and why, and which model it promoted.
 */
@Entity("training_runs")
public class TrainingRun {

    /** Where a run stands. A run is restartable when it ended without completing. */
    public enum Status {
        QUEUED, RUNNING, COMPLETED, FAILED, STOPPED, INTERRUPTED;

        public boolean restartable() {
            return this == FAILED || this == STOPPED || this == INTERRUPTED;
        }

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    @Id
    private String id;

    @Column
    private Status status;

    @Column
    private Instant startedAt;

    @Column
    private Instant endedAt;

    @Column
    private String plan;

    @Column
    private List<String> algorithms;

    @Column
    private List<String> trainedAlgorithms;

    @Column
    private List<String> modelIds;

    @Column
    private List<String> failures;

    @Column
    private String promotedModelId;

    @Column
    private String reason;

    @Column
    private int attempts;

    protected TrainingRun() {
    }

    public static TrainingRun queued(String id, String plan, List<String> algorithms) {
        var run = new TrainingRun();
        run.id = id;
        run.status = Status.QUEUED;
        run.startedAt = Instant.now();
        run.plan = plan;
        run.algorithms = List.copyOf(algorithms);
        run.trainedAlgorithms = new ArrayList<>();
        run.modelIds = new ArrayList<>();
        run.failures = new ArrayList<>();
        return run;
    }

    /** Starts (or starts again): failures of an earlier attempt are forgotten, registered models kept. */
    public void started() {
        status = Status.RUNNING;
        endedAt = null;
        reason = null;
        failures = new ArrayList<>();
        attempts++;
    }

    public void trained(String algorithm, String modelId) {
        trainedAlgorithms = append(trainedAlgorithms, algorithm);
        modelIds = append(modelIds, modelId);
    }

    public void failed(String algorithm, String why) {
        failures = append(failures, algorithm + ": " + why);
    }

    public void promoted(String modelId) {
        promotedModelId = modelId;
    }

    public void ended(Status outcome, String why) {
        status = outcome;
        reason = why;
        endedAt = Instant.now();
    }

    private static List<String> append(List<String> list, String value) {
        var copy = new ArrayList<>(list == null ? List.<String>of() : list);
        copy.add(value);
        return copy;
    }

    public String getId() {
        return id;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    /** The plan's JSON, or empty for a run recorded before plans were typed. */
    public Optional<String> planJson() {
        return Optional.ofNullable(plan);
    }

    /** The plan as a JSON object (not text) for the API's readers. */
    public JsonObject getPlan() {
        return plan == null ? null : Json.createReader(new StringReader(plan)).readObject();
    }

    public List<String> getAlgorithms() {
        return algorithms == null ? List.of() : algorithms;
    }

    public List<String> getTrainedAlgorithms() {
        return trainedAlgorithms == null ? List.of() : trainedAlgorithms;
    }

    public List<String> getModelIds() {
        return modelIds == null ? List.of() : modelIds;
    }

    public List<String> getFailures() {
        return failures == null ? List.of() : failures;
    }

    public String getPromotedModelId() {
        return promotedModelId;
    }

    public String getReason() {
        return reason;
    }

    public int getAttempts() {
        return attempts;
    }

    /** Seconds from start to end (or to now while it runs). */
    public long getSeconds() {
        return Duration.between(startedAt, endedAt == null ? Instant.now() : endedAt).toSeconds();
    }
}
