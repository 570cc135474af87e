package app.digits.dataset.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.digits.dataset.entity.LabelledImage;
import app.digits.platform.control.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDigitsTest {

    private final List<LabelledImage> images = List.of(
            new LabelledImage(7, new byte[LabelledImage.PIXELS]), new LabelledImage(2, new byte[LabelledImage.PIXELS]));

    @Test
    void anIndexAddressesThatImageOfTheTestSet() {
        var digit = TestDigits.pick(images, 1);

        assertEquals(1, digit.index());
        assertSame(images.get(1), digit.image());
    }

    @Test
    void anIndexPastTheEndIsNotFoundAndSaysHowManyImagesThereAre() {
        var problem = assertThrows(ProblemException.class, () -> TestDigits.pick(images, 2));

        assertEquals(404, problem.status());
        assertEquals("There is no test image 2: the test set holds 2 images", problem.detail());
    }
}
