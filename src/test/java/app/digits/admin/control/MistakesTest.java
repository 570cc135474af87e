package app.digits.admin.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.ModelDescriptor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MistakesTest {

    private static ModelDescriptor answering(byte[] predictions) {
        return TestModels.model("m", Map.of(), TestModels.scores(predictions.length, 0.5, new int[10][10],
                Base64.getEncoder().encodeToString(predictions)));
    }

    @Test
    void onlyWrongAnswersArePagedWithTheirTrueAndPredictedDigits() {
        var test = new ArrayList<LabelledImage>();
        var predictions = new byte[25];
        for (int i = 0; i < 25; i++) {
            test.add(new LabelledImage(i % 10, new byte[784]));
            predictions[i] = (byte) (i % 2 == 0 ? i % 10 : (i + 1) % 10);
        }
        var first = Mistakes.of(answering(predictions), test, null, null, 1, 5);
        assertEquals(12, first.total());
        assertEquals(3, first.pages());
        assertEquals(List.of(1, 3, 5, 7, 9), first.items().stream().map(Mistakes.Mistake::index).toList());
        assertEquals(2, first.items().get(0).predicted());
        assertEquals(1, first.items().get(0).actual());
        assertTrue(first.items().get(0).image().startsWith("data:image/png;base64,"));

        var last = Mistakes.of(answering(predictions), test, null, null, 99, 5);
        assertEquals(3, last.page(), "pages past the end show the last one");
        assertEquals(List.of(21, 23), last.items().stream().map(Mistakes.Mistake::index).toList());

        var threes = Mistakes.of(answering(predictions), test, 3, null, 1, 5);
        assertEquals(List.of(3, 13, 23), threes.items().stream().map(Mistakes.Mistake::index).toList());
    }

    @Test
    void aConfusionCellShowsTheImagesOfItsTrueDigitReadAsItsPredictedOneRightOnesOnTheDiagonal() {
        var test = new ArrayList<LabelledImage>();
        var predictions = new byte[25];
        for (int i = 0; i < 25; i++) {
            test.add(new LabelledImage(i % 10, new byte[784]));
            predictions[i] = (byte) (i % 2 == 0 ? i % 10 : (i + 1) % 10);
        }
        var threesReadAsFour = Mistakes.of(answering(predictions), test, 3, 4, 1, 5);
        assertEquals(List.of(3, 13, 23), threesReadAsFour.items().stream().map(Mistakes.Mistake::index).toList());
        assertTrue(threesReadAsFour.items().stream().allMatch(m -> m.actual() == 3 && m.predicted() == 4));

        var foursRight = Mistakes.of(answering(predictions), test, 4, 4, 1, 5);
        assertEquals(List.of(4, 14, 24), foursRight.items().stream().map(Mistakes.Mistake::index).toList());
        assertEquals(0, Mistakes.of(answering(predictions), test, 3, 7, 1, 5).total());
    }

    @Test
    void aModelThatKeptNoAnswersHasNoGallery() {
        var none = Mistakes.of(answering(new byte[0]), List.of(new LabelledImage(1, new byte[784])), null, null, 1, 5);
        assertEquals(0, none.total());
        assertEquals(1, none.pages());
    }
}
