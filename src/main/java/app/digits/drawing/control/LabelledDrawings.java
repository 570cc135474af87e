package app.digits.drawing.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.drawing.entity.Drawing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * People's drawings that carry a label: for statistics, and as training images (the normalized 28x28 image
 * the model saw, with the digit the person said it is).
 */
@ApplicationScoped
public class LabelledDrawings {

    @Inject
    DocumentTemplate template;

    /** Every labelled drawing, most recently labelled first. */
    public List<Drawing> all() {
        return template.select(Drawing.class).where("label").gte(0).orderBy("labelledAt").desc().result();
    }

    public List<LabelledImage> asTrainingImages() {
        return all().stream().map(drawing -> new LabelledImage(drawing.getLabel(), drawing.getPixels())).toList();
    }
}
