package app.digits.admin.control;

import app.digits.drawing.control.LabelledDrawings;
import app.digits.drawing.entity.Drawing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * How the models do on people's real drawings: of the drawings people labelled, the share each model read
 * right, next to its MNIST test accuracy; and the latest drawings people corrected.
 */
@ApplicationScoped
public class DrawingStatistics {

    /** A model's score on labelled drawings. */
    public record ModelOnDrawings(String modelId, long labelled, long right) {

        public double accuracy() {
            return labelled == 0 ? 0 : (double) right / labelled;
        }
    }

    @Inject
    DocumentTemplate template;

    @Inject
    LabelledDrawings labelledDrawings;

    public long drawings() {
        return template.count(Drawing.class);
    }

    /** What the labelled drawings say: each model's score on them, and the latest corrections. */
    public record Labelled(List<ModelOnDrawings> byModel, List<Drawing> latestCorrections) {
    }

    /**
     * Reads the labelled drawings once: each model's score on them, and the {@code limit} most recently
     * corrected (labelled differently from what the model read), newest first.
     */
    public Labelled labelled(int limit) {
        var labelled = labelledDrawings.all();
        Map<String, List<Drawing>> byModel = labelled.stream().collect(Collectors.groupingBy(Drawing::getModelId));
        var scores = byModel.entrySet().stream()
                .map(entry -> new ModelOnDrawings(entry.getKey(), entry.getValue().size(),
                        entry.getValue().stream().filter(drawing -> drawing.getLabel().equals(drawing.getDigit())).count()))
                .sorted((a, b) -> Long.compare(b.labelled(), a.labelled()))
                .toList();
        return new Labelled(scores, labelled.stream().filter(Drawing::isCorrected).limit(limit).toList());
    }
}
