package app.digits.registry.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.Arrays;
import java.util.List;

/**
 * A registered model as described in the {@code models} collection, for tools and reports that query models
 * rather than read sidecar files: what it is, its chosen hyperparameters, its test metrics (the confusion
 * matrix flattened row by row, true digit first), its cost, the run that trained it, its grid search and its
 * file with checksum. The sidecar stored with the file in GridFS stays the registry's source of truth; this mirrors it.
 */
@Entity("models")
public class ModelRecord {

    @Id
    private String id;

    @Column
    private String algorithm;

    @Column
    private String library;

    @Column
    private List<String> hyperparameters;

    @Column
    private String runId;

    @Column
    private String trainedAt;

    @Column
    private int trainingImages;

    @Column
    private double trainingSeconds;

    @Column
    private int testImages;

    @Column
    private double testAccuracy;

    @Column
    private double macroF1;

    @Column
    private List<Integer> confusion;

    @Column
    private double medianLatencyMicros;

    @Column
    private List<String> gridSearch;

    @Column
    private String file;

    @Column
    private long fileBytes;

    @Column
    private String sha256;

    protected ModelRecord() {
    }

    public static ModelRecord of(ModelDescriptor descriptor) {
        var record = new ModelRecord();
        record.id = descriptor.id();
        record.algorithm = descriptor.algorithm();
        record.library = descriptor.library();
        var training = descriptor.training();
        var test = descriptor.test();
        record.hyperparameters = training.hyperparameters().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .sorted().toList();
        record.runId = training.runId();
        record.trainedAt = training.trainedAt();
        record.trainingImages = training.images();
        record.trainingSeconds = training.seconds();
        record.testImages = test.images();
        record.testAccuracy = test.accuracy();
        record.macroF1 = test.macroF1();
        record.confusion = test.confusion() == null ? List.of()
                : Arrays.stream(test.confusion()).flatMapToInt(Arrays::stream).boxed().toList();
        record.medianLatencyMicros = test.medianLatencyMicros();
        record.gridSearch = training.gridSearch().stream()
                .map(point -> String.format(java.util.Locale.ROOT, "%s: %.4f ± %.4f in %.1f s", point.parameters(),
                        point.meanAccuracy(), point.stdAccuracy(), point.seconds())).toList();
        record.file = descriptor.file().name();
        record.fileBytes = descriptor.file().bytes();
        record.sha256 = descriptor.file().sha256();
        return record;
    }

    public String getId() {
        return id;
    }

    public double getTestAccuracy() {
        return testAccuracy;
    }

    public String getRunId() {
        return runId;
    }

    public String getSha256() {
        return sha256;
    }
}
