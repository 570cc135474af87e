package app.digits.drawing.control;

import app.digits.drawing.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import app.digits.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores what people say their drawing really was ("that was a 7"), confirming or correcting the model.
 * Labelled drawings measure the model on real drawings and can join the next training run.
 */
@ApplicationScoped
public class Corrections {

    @Inject
    Drawings drawings;

    public Drawing label(String drawingId, int digit) {
        if (digit < 0 || digit > 9) {
            throw ProblemException.badRequest("A label is a digit from 0 to 9, got " + digit);
        }
        var drawing = drawings.findById(drawingId)
                .orElseThrow(() -> ProblemException.notFound("No drawing with id " + drawingId));
        try {
            drawing.label(digit);
        } catch (IllegalStateException e) {
            throw new ProblemException(409, "Conflict", e.getMessage());
        }
        return drawings.save(drawing);
    }
}
