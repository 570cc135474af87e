package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes validated images into a split's collection. Ids are content digests, so an image already stored is
 * recognised and skipped: a second import, a restart or a resumed import adds no duplicates. Writes go
 * through the driver's {@code insertMany} in batches, since JNoSQL inserts one document at a time (about
 * twice as slow); the documents have the shape {@link MnistReader} reads.
 */
@ApplicationScoped
public class MnistImporter {

    private static final Logger LOG = Logger.getLogger(MnistImporter.class.getName());

    @Inject
    MongoDatabase database;

    @Inject
    ImportProgress progress;

    @Inject
    @ConfigProperty(name = "digits.import.batch-size", defaultValue = "1000")
    int batchSize;

    public ImportReport store(Split split, List<LabelledImage> images, String source) {
        long start = System.nanoTime();
        var byId = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < images.size(); i++) {
            byId.putIfAbsent(images.get(i).contentId(), i);
        }
        var collection = database.getCollection(split.collection());
        progress.started(split, images.size(), source);
        var present = storedIds(collection);
        var ids = new ArrayList<>(byId.keySet());
        int inserted = 0;
        for (int from = 0; from < ids.size(); from += batchSize) {
            var batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            var documents = new ArrayList<Document>(batch.size());
            for (var id : batch) {
                if (!present.contains(id)) {
                    int index = byId.get(id);
                    documents.add(document(id, images.get(index), source, index));
                }
            }
            if (!documents.isEmpty()) {
                collection.insertMany(documents);
                inserted += documents.size();
            }
            progress.advanced(split, from + batch.size());
        }
        long stored = collection.countDocuments();
        var report = new ImportReport(split, source, images.size(), inserted, byId.size() - inserted,
                images.size() - byId.size(), (System.nanoTime() - start) / 1_000_000);
        progress.finished(split, stored, stored + " images");
        LOG.info(() -> "Imported " + report);
        return report;
    }

    /** The ids already in the collection, read once (ids only, in driver-sized batches). */
    private Set<String> storedIds(MongoCollection<Document> collection) {
        var found = new HashSet<String>();
        collection.find().projection(Projections.include("_id")).batchSize(batchSize * 10)
                .forEach(document -> found.add(document.getString("_id")));
        return found;
    }

    private static Document document(String id, LabelledImage image, String source, int index) {
        return new Document("_id", id)
                .append("label", image.label())
                .append("pixels", new Binary(image.pixels()))
                .append("source", source)
                .append("sourceIndex", index);
    }
}
