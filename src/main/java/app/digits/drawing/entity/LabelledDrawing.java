package app.digits.drawing.entity;

import java.time.Instant;

/**
 * A labelled drawing as the admin's review lists it: what the model read, what the person said, and where
 * the label stands, without any image (the page links the stored original instead of carrying it).
 */
public record LabelledDrawing(String id, Integer digit, int label, String modelId, Instant labelledAt, Review review) {

    /** Whether the person said the model was wrong. */
    public boolean corrected() {
        return digit == null || digit != label;
    }
}
