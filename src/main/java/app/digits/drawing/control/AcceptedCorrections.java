package app.digits.drawing.control;

import app.digits.drawing.entity.Review;
import app.digits.training.control.CorrectedDrawings;
import app.digits.training.control.CorrectedImages;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The corrections the admin accepted, read for a training run: the small label documents say which drawings
 * and what they really show, newest first, at most the configured number; the drawings are then read by id,
 * a batch at a time, with only the images the model saw (a single digit's pixels, or a number's readings,
 * whose pieces {@link CorrectedImages} keeps only when they match the corrected number digit for digit).
 */
@ApplicationScoped
public class AcceptedCorrections implements CorrectedDrawings {

    private static final String PIXELS = "pixels";
    private static final String READINGS = "readings";

    @Inject
    MongoDatabase database;

    @Inject
    @ConfigProperty(name = "digits.training.max-drawings", defaultValue = "50000")
    int maxTrainingDrawings;

    @Override
    public CorrectedImages acceptedTrainingImages() {
        var labels = new LinkedHashMap<String, Document>();
        var corrected = new CorrectedImages();
        var accepted = database.getCollection(DrawingArchive.LABELS)
                .find(Filters.eq(DrawingArchive.REVIEW, Review.ACCEPTED.name()))
                .projection(Projections.include(DrawingArchive.LABEL, DrawingArchive.NUMBER_LABEL))
                .sort(Sorts.descending(DrawingArchive.LABELLED_AT)).limit(maxTrainingDrawings).batchSize(DrawingArchive.BATCH);
        for (var label : accepted) {
            labels.put(label.getString(DrawingArchive.ID), label);
            if (labels.size() == DrawingArchive.BATCH) {
                addImages(labels, corrected);
            }
        }
        addImages(labels, corrected);
        return corrected;
    }

    private void addImages(Map<String, Document> labels, CorrectedImages corrected) {
        if (labels.isEmpty()) {
            return;
        }
        MongoCollection<Document> drawings = database.getCollection(DrawingArchive.DRAWINGS);
        for (var drawing : drawings.find(Filters.in(DrawingArchive.ID, labels.keySet())).projection(Projections.include(PIXELS, READINGS))) {
            var label = labels.get(drawing.getString(DrawingArchive.ID));
            var number = label.getString(DrawingArchive.NUMBER_LABEL);
            if (number != null) {
                corrected.addNumber(number, drawing.getList(READINGS, Document.class, List.of()).stream()
                        .map(reading -> reading.get(PIXELS, Binary.class).getData()).toList());
            } else if (drawing.get(PIXELS) != null) {
                corrected.addDigit(label.getInteger(DrawingArchive.LABEL), drawing.get(PIXELS, Binary.class).getData());
            }
        }
        labels.clear();
    }
}
