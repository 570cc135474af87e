package app.digits.drawing.entity;

import app.digits.training.control.CorrectedImages;
import java.time.Instant;

/**
 * A labelled drawing as the admin's review lists it: a single digit or a whole number ({@code number}), what
 * the model read (null for a single digit it did not answer), what the person said, and where the label
 * stands, without any image (the page links the stored original instead of carrying it).
 */
public record LabelledDrawing(String id, boolean number, String read, String label, String modelId, Instant labelledAt,
                              Review review) {

    /** Whether the person said the model was wrong. */
    public boolean corrected() {
        return !label.equals(read);
    }

    /**
     * Whether a training run can learn from it once accepted: a digit always; a number only when the
     * segmentation cut it into as many pieces (one per digit read) as the label has digits.
     */
    public boolean trainable() {
        return !number || CorrectedImages.trainable(label, read.length());
    }
}
