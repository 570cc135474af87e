package app.digits.analysis.control;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bson.Document;

/**
 * Keeps what the analysis pages show but would take seconds to recompute, in the {@code analysis} collection:
 * the dataset facts and mean images (one document, for the stored counts they were computed on) and each
 * model's suspicious training labels (one document per model, found by classifying all 60,000 images). A
 * restart reads them back in milliseconds; a different count means the data changed and they are computed
 * again.
 */
@ApplicationScoped
public class AnalysisStore {

    /** A suspicious label without its image: the training image's index, what the model read, how sure. */
    public record Suspicion(int index, int predicted, double confidence) {
    }

    private static final String ID = "_id";
    private static final String FACTS = "dataset-facts";

    @Inject
    MongoDatabase database;

    /** The facts and means stored for exactly {@code train} and {@code test} images, if any. */
    public Optional<DatasetProfile> profile(long train, long test) {
        var document = collection().find(Filters.and(Filters.eq(ID, FACTS), Filters.eq("train", train), Filters.eq("test", test))).first();
        return Optional.ofNullable(document).map(AnalysisStore::profileOf);
    }

    public void saveProfile(long train, long test, DatasetProfile profile) {
        var facts = profile.facts();
        var document = new Document(ID, FACTS).append("train", train).append("test", test)
                .append("trainCounts", ints(facts.trainCounts())).append("testCounts", ints(facts.testCounts()))
                .append("expectedTrain", facts.expectedTrain()).append("expectedTest", facts.expectedTest())
                .append("intensityShares", doubles(facts.intensityShares())).append("blankPixelShare", facts.blankPixelShare())
                .append("meanInk", doubles(facts.meanInk())).append("inkDeviation", doubles(facts.inkDeviation()))
                .append("inBothSets", facts.inBothSets()).append("nearBlank", facts.nearBlank())
                .append("means", Arrays.stream(profile.means()).map(AnalysisStore::doubles).toList());
        collection().replaceOne(Filters.eq(ID, FACTS), document, new ReplaceOptions().upsert(true));
    }

    /** The suspicious labels stored for {@code modelId} on {@code train} training images, if any. */
    public Optional<List<Suspicion>> suspicions(String modelId, long train) {
        var document = collection().find(Filters.and(Filters.eq(ID, suspicionsId(modelId)), Filters.eq("train", train))).first();
        return Optional.ofNullable(document).map(found -> found.getList("entries", Document.class).stream()
                .map(entry -> new Suspicion(entry.getInteger("index"), entry.getInteger("predicted"), entry.getDouble("confidence")))
                .toList());
    }

    public void saveSuspicions(String modelId, long train, List<Suspicion> suspicions) {
        var entries = suspicions.stream().map(s -> new Document("index", s.index()).append("predicted", s.predicted())
                .append("confidence", s.confidence())).toList();
        collection().replaceOne(Filters.eq(ID, suspicionsId(modelId)),
                new Document(ID, suspicionsId(modelId)).append("train", train).append("entries", entries), new ReplaceOptions().upsert(true));
    }

    private MongoCollection<Document> collection() {
        return database.getCollection("analysis");
    }

    private static String suspicionsId(String modelId) {
        return "suspicious:" + modelId;
    }

    private static DatasetProfile profileOf(Document document) {
        var facts = new DatasetFacts(intArray(document, "trainCounts"), intArray(document, "testCounts"),
                document.getInteger("expectedTrain"), document.getInteger("expectedTest"), doubleArray(document.getList("intensityShares", Double.class)),
                document.getDouble("blankPixelShare"), doubleArray(document.getList("meanInk", Double.class)),
                doubleArray(document.getList("inkDeviation", Double.class)), document.getInteger("inBothSets"),
                List.copyOf(document.getList("nearBlank", Integer.class)));
        var means = new ArrayList<double[]>();
        for (var mean : document.getList("means", List.class)) {
            means.add(((List<?>) mean).stream().mapToDouble(value -> ((Number) value).doubleValue()).toArray());
        }
        return new DatasetProfile(facts, means.toArray(double[][]::new));
    }

    private static List<Integer> ints(int[] values) {
        return IntStream.of(values).boxed().toList();
    }

    private static List<Double> doubles(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static int[] intArray(Document document, String key) {
        return document.getList(key, Integer.class).stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubleArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
