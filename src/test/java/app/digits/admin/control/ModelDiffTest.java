package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.digits.registry.entity.TestModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

    @Test
    void everyHyperparameterOfEitherModelIsALineAndOnlyChangedLinesDiffer() {
        var first = new LinkedHashMap<String, String>();
        first.put("hiddenUnits", "128");
        first.put("epochs", "4");
        var a = TestModels.model("a", first, TestModels.scores(100, 0.91, new int[10][10], null));
        var b = TestModels.model("b", Map.of("hiddenUnits", "256", "epochs", "4", "momentum", "0.9"),
                TestModels.scores(100, 0.935, new int[10][10], null));

        var diff = ModelDiff.of(a, b);

        var byName = diff.lines().stream().filter(line -> line.name() != null)
                .collect(java.util.stream.Collectors.toMap(ModelDiff.Line::name, line -> line));
        assertEquals(new ModelDiff.Line(null, "hiddenUnits", "128", "256", true), byName.get("hiddenUnits"));
        assertFalse(byName.get("epochs").differs());
        assertEquals(new ModelDiff.Line(null, "momentum", "—", "0.9", true), byName.get("momentum"), "a missing one is a dash");
        assertEquals(List.of("hiddenUnits", "epochs", "momentum"), diff.lines().stream().filter(line -> line.name() != null)
                .map(ModelDiff.Line::name).toList(), "the first model's order, then what only the second has");
        var accuracy = diff.lines().stream().filter(line -> "diff.accuracy".equals(line.key())).findFirst().orElseThrow();
        assertEquals(new ModelDiff.Line("diff.accuracy", null, "91.00 %", "93.50 %", true), accuracy);
        assertEquals(3, diff.differences(), "two hyperparameters and the accuracy");
    }

    @Test
    void aModelComparedWithItselfDiffersNowhere() {
        var a = TestModels.model("a", Map.of("k", "3"), TestModels.scores(100, 0.9, new int[10][10], null));
        assertEquals(0, ModelDiff.of(a, a).differences());
    }
}
