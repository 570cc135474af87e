package app.digits.drawing.control;

import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import app.digits.platform.control.SharedSessions;
import java.util.Optional;

/**
 * Keeps one document per drawing made on the pages. The pages read a drawing live, many times while it is
 * drawn; each reading replaces the drawing's earlier version instead of adding a document. Only drawings
 * this session started can be replaced (the session remembers the last few it stored), so nobody can
 * overwrite someone else's drawing by sending its id; a label given to the earlier version is dropped.
 */
@ApplicationScoped
public class LiveDrawings {

    static final int REMEMBERED = 20;
    private static final String FIELD = "ownDrawings";

    @Inject
    Drawings drawings;

    @Inject
    SharedSessions sessions;

    @Inject
    DrawingArchive archive;

    /**
     * Stores {@code drawing}, in place of {@code previousId} when this session stored that one, as a new
     * drawing otherwise.
     */
    public Drawing store(String session, Drawing drawing, Optional<String> previousId) {
        previousId.filter(sessions.texts(session, FIELD)::contains).ifPresentOrElse(id -> {
            drawing.continuing(id);
            archive.unlabelled(id);
        }, () -> sessions.append(session, FIELD, drawing.getId(), REMEMBERED));
        return drawings.save(drawing);
    }
}
