package app.digits.drawing.control;

import app.digits.prediction.entity.Drawing;
import app.digits.drawing.entity.Drawings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayDeque;
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
    private static final String ATTRIBUTE = "digits.drawings.own";

    @Inject
    Drawings drawings;

    @Inject
    DrawingArchive archive;

    /**
     * Stores {@code drawing}, in place of {@code previousId} when this session stored that one, as a new
     * drawing otherwise.
     */
    public Drawing store(HttpSession session, Drawing drawing, Optional<String> previousId) {
        synchronized (session) {
            var own = own(session);
            previousId.filter(own::contains).ifPresent(id -> {
                drawing.continuing(id);
                archive.unlabelled(id);
            });
            own.remove(drawing.getId());
            own.addLast(drawing.getId());
            while (own.size() > REMEMBERED) {
                own.removeFirst();
            }
            session.setAttribute(ATTRIBUTE, own);
        }
        return drawings.save(drawing);
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<String> own(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof ArrayDeque<?> own ? (ArrayDeque<String>) own : new ArrayDeque<>();
    }
}
