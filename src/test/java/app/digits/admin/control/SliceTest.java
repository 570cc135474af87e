package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.TestModels;
import app.digits.training.control.ModelComparison;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SliceTest {

    /** Models m00 to m(n-1), m00 the most accurate: sorted by accuracy, they come in name order. */
    private static List<ModelComparison.Row> sortedRows(int count) {
        var models = IntStream.range(0, count)
                .mapToObj(i -> TestModels.model("m%02d".formatted(i), Map.of(), TestModels.scores(100, 0.99 - i * 0.001, new int[10][10], null)))
                .toList();
        return ModelComparison.of(models, "m03", "accuracy", true);
    }

    private static List<String> ids(Slice<ModelComparison.Row> page) {
        return page.items().stream().map(row -> row.model().id()).toList();
    }

    @Test
    void aPageHoldsItsShareOfTheSortedModelsAndSaysWhereItStands() {
        var rows = sortedRows(45);
        var second = Slice.of(rows, 2, 20);
        assertEquals(List.of("m20", "m21"), ids(second).subList(0, 2));
        assertEquals(20, second.items().size());
        assertEquals(3, second.pages());
        assertEquals(45, second.total());
        assertTrue(second.hasPrevious() && second.hasNext());

        var last = Slice.of(rows, 3, 20);
        assertEquals(List.of("m40", "m41", "m42", "m43", "m44"), ids(last));
        assertFalse(last.hasNext());
    }

    @Test
    void aPagePastTheLastShowsTheLastAndNoModelsMakeOneEmptyPage() {
        var past = Slice.of(sortedRows(45), 9, 20);
        assertEquals(3, past.page());
        assertEquals(5, past.items().size());

        var none = Slice.of(List.of(), 1, 20);
        assertEquals(1, none.pages());
        assertEquals(0, none.total());
        assertFalse(none.hasPrevious() || none.hasNext());
    }

    @Test
    void theServedModelKeepsItsMarkOnWhicheverPageItFalls() {
        var first = Slice.of(sortedRows(45), 1, 20);
        assertTrue(first.items().get(3).served());
        assertTrue(first.items().get(0).best());
    }
}
