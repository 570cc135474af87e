package app.digits.drawing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.drawing.entity.LabelledDrawing;
import app.digits.drawing.entity.Review;
import app.digits.platform.control.InMemoryMongo;
import app.digits.prediction.entity.Drawing;
import app.digits.prediction.entity.TestDrawings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People's corrections of digits and numbers as the drawings feature stores them, listed for review and read
 * back for training, on the embedded MongoDB server (no container).
 */
class AcceptedCorrectionsTest {

    private InMemoryMongo mongo;
    private DrawingArchive archive;
    private AcceptedCorrections accepted;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        archive = new DrawingArchive();
        archive.database = mongo.database("digits");
        accepted = new AcceptedCorrections();
        accepted.database = archive.database;
        accepted.maxTrainingDrawings = 100;
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static byte[] pixels(int mark) {
        var pixels = new byte[LabelledImage.PIXELS];
        pixels[0] = (byte) mark;
        return pixels;
    }

    /** Stores a drawing as the API does and lists its label as the corrections do. */
    private Drawing stored(Drawing drawing) {
        archive.database.getCollection(DrawingArchive.DRAWINGS).insertOne(DrawingDocuments.of(drawing));
        archive.labelled(drawing);
        return drawing;
    }

    private Drawing digit(int read, int label) {
        var drawing = Drawing.recognized(new byte[] {1}, pixels(50 + label), read, TestDrawings.sure(read), "m", 1);
        drawing.label(label);
        return stored(drawing);
    }

    /** A number drawing cut into one piece per digit read (pieces marked 100 + the digit read), corrected to {@code correct}. */
    private Drawing number(String correct, int... read) {
        var drawing = TestDrawings.number(read);
        drawing.labelNumber(correct);
        return stored(drawing);
    }

    @Test
    void acceptedNumbersCutDigitForDigitTrainWithTheirPiecesAndOthersAreSkippedAndCounted() {
        var digit = digit(1, 7);
        var matching = number("38", 3, 9);
        var mismatched = number("480", 4, 8);
        number("12", 1, 2);
        archive.review(List.of(digit.getId(), matching.getId(), mismatched.getId()), Review.ACCEPTED);

        var corrected = accepted.acceptedTrainingImages();

        var labels = corrected.images().stream().map(LabelledImage::label).sorted().toList();
        assertEquals(List.of(3, 7, 8), labels, "the digit, and the two pieces of 38; nothing of 480 nor of the pending 12");
        assertTrue(corrected.images().stream().anyMatch(image -> image.label() == 8 && image.pixel(0) == 109),
                "the piece read as 9 trains as the 8 the person said it was");
        assertEquals(1, corrected.numbersSkipped());
    }

    @Test
    void numberCorrectionsAreListedForReviewAsNumbersAndStayOutOfTheDigitScores() {
        digit(4, 4);
        var number = number("77", 7, 1);

        var listed = archive.labels(Review.PENDING, 1, 24).drawings();

        assertEquals(2, listed.size());
        var asNumber = listed.stream().filter(LabelledDrawing::number).findFirst().orElseThrow();
        assertEquals(number.getId(), asNumber.id());
        assertEquals("71", asNumber.read());
        assertEquals("77", asNumber.label());
        assertTrue(asNumber.corrected());
        assertTrue(asNumber.trainable(), "two pieces for two digits");
        number("123", 1, 2);
        assertFalse(archive.labels(Review.PENDING, 1, 24).drawings().stream().filter(label -> label.label().equals("123"))
                .findFirst().orElseThrow().trainable(), "two pieces for three digits");
        var asDigit = listed.stream().filter(label -> !label.number()).findFirst().orElseThrow();
        assertEquals("4", asDigit.read());
        assertFalse(asDigit.corrected());
        assertEquals(3, archive.reviewCounts().get(Review.PENDING), "all wait for review, counted together");
        var scores = archive.scoresByModel();
        assertEquals(1, scores.size());
        assertEquals(1, scores.get(0).labelled(), "only the digit label scores the model on digits");
    }
}
