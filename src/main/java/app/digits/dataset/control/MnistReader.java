package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a split back from MongoDB in one cursor ordered by id, so the same limit always gives the same
 * images. It uses the driver rather than the JNoSQL repositories: their pages are skip/limit queries, each
 * sorted again from the start, and reading the 60,000 training images that way took 54 s on the embedded
 * server against 2 s for one cursor fetched in batches (a batch stays far below the driver's message limit).
 */
@ApplicationScoped
public class MnistReader {

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "digits.read.page-size", defaultValue = "5000")
    int pageSize;

    private volatile List<LabelledImage> testSet = List.of();

    /**
     * The whole test set in its stable order, read once and kept (7.8 MB): every model is scored on it and
     * the galleries index into it. Read again when the stored count changes (an import finished).
     */
    public List<LabelledImage> testSet() {
        var cached = testSet;
        long stored = count(Split.TEST);
        if (cached.isEmpty() || cached.size() != stored) {
            cached = List.copyOf(read(Split.TEST, (int) stored));
            testSet = cached;
        }
        return cached;
    }

    /** Up to {@code limit} images of the split, in a stable order. */
    public List<LabelledImage> read(Split split, int limit) {
        var images = new ArrayList<LabelledImage>(Math.min(limit, split.mnistSize()));
        if (limit <= 0) {
            return images;
        }
        for (var document : database.getCollection(split.collection()).find()
                .projection(Projections.include("label", "pixels")).sort(Sorts.ascending("_id"))
                .limit(limit).batchSize(pageSize)) {
            images.add(new LabelledImage(document.getInteger("label"), document.get("pixels", Binary.class).getData()));
        }
        return images;
    }

    /** How many images the split holds: the collection's own count, no scan. */
    public long count(Split split) {
        return database.getCollection(split.collection(), Document.class).estimatedDocumentCount();
    }
}
