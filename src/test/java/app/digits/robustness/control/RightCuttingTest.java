package app.digits.robustness.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.WorkingInk;
import app.digits.robustness.entity.RobustnessSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The right cutting of generated numbers: where the layout drew each digit, and its share of the working ink. */
class RightCuttingTest {

    private static final List<LabelledImage> TEST = MnistTestSet.images();
    private static final long SEED = 1;
    private static final List<RobustnessSet> NUMBERS = List.of(RobustnessSet.NUMBERS_TOUCHING,
            RobustnessSet.NUMBERS_THIN_TOUCHING, RobustnessSet.NUMBERS_APART);
    private final ImageDecoder decoder = new ImageDecoder(2_000_000, 4_000_000);

    /** The digits put back at their places make the sample's drawing again: they are where the layout drew them. */
    @Test
    void theDigitsAtTheirPlacesDrawTheSample() {
        for (var set : NUMBERS) {
            for (int i = 0; i < 5; i++) {
                var sample = RobustnessSets.sample(set, TEST, SEED, i);
                var drawing = decoder.decode(sample.image());
                var digits = RightCutting.digitsOf(set, TEST, SEED, i);
                assertEquals(sample.expected().length(), digits.size(), set.key() + " " + i);
                var redrawn = new float[drawing.getWidth() * drawing.getHeight()];
                for (var digit : digits) {
                    for (int y = 0; y < digit.height(); y++) {
                        for (int x = 0; x < digit.width(); x++) {
                            int at = (digit.top() + y) * drawing.getWidth() + digit.left() + x;
                            redrawn[at] = Math.max(redrawn[at], digit.ink().at(x, y));
                        }
                    }
                }
                double difference = 0;
                for (int y = 0; y < drawing.getHeight(); y++) {
                    for (int x = 0; x < drawing.getWidth(); x++) {
                        float ink = 1 - (drawing.getRGB(x, y) & 0xFF) / 255f;
                        difference += Math.abs(ink - redrawn[y * drawing.getWidth() + x]);
                    }
                }
                assertTrue(difference / redrawn.length < 0.01, set.key() + " " + i + ": mean difference " + difference / redrawn.length);
            }
        }
    }

    /**
     * Every inked pixel of the working map belongs to some digit's piece, and each piece lies where its digit was
     * drawn, shrunk to the working map (a pixel of slack for the shrinking).
     */
    @Test
    void eachDigitsPieceIsItsShareOfTheWorkingInk() {
        for (var set : NUMBERS) {
            for (int i = 0; i < 5; i++) {
                var sample = RobustnessSets.sample(set, TEST, SEED, i);
                var work = WorkingInk.number(decoder.decode(sample.image()));
                var digits = RightCutting.digitsOf(set, TEST, SEED, i);
                var pieces = RightCutting.on(work, digits);
                assertEquals(digits.size(), pieces.size());
                var claimed = new boolean[work.ink().ink().length];
                for (int d = 0; d < pieces.size(); d++) {
                    var piece = pieces.get(d);
                    var digit = digits.get(d);
                    assertTrue(work.across(piece.left()) >= digit.left() - work.across(1)
                            && work.across(piece.left() + piece.width()) <= digit.left() + digit.width() + work.across(1),
                            set.key() + " " + i + " digit " + d + ": " + piece + " outside " + digit);
                    for (int y = 0; y < piece.height(); y++) {
                        for (int x = 0; x < piece.width(); x++) {
                            if (piece.ink().at(x, y) > 0) {
                                claimed[(piece.top() + y) * work.ink().width() + piece.left() + x] = true;
                            }
                        }
                    }
                }
                int inked = 0;
                int unclaimed = 0;
                for (int p = 0; p < claimed.length; p++) {
                    if (work.ink().ink()[p] > 0.1f) {
                        inked++;
                        unclaimed += claimed[p] ? 0 : 1;
                    }
                }
                assertEquals(0, unclaimed, set.key() + " " + i + ": inked pixels no digit claims, of " + inked);
            }
        }
    }

    @Test
    void onlyNumberSetsHaveDigitsToCut() {
        assertThrows(IllegalArgumentException.class, () -> RightCutting.digitsOf(RobustnessSet.THIN, TEST, SEED, 0));
    }

    /** A digit whose ink the working map lost (too faint to count) still has a piece, which no reading accepts. */
    @Test
    void aDigitWithoutWorkingInkHasAnEmptyPiece() {
        var sample = RobustnessSets.sample(RobustnessSet.NUMBERS_APART, TEST, SEED, 0);
        var work = WorkingInk.number(decoder.decode(sample.image()));
        var nowhere = new DigitSegmenter.Piece(new InkMap(2, 2, new float[4]), 0, 0, 2, 2);
        var piece = RightCutting.on(work, List.of(nowhere)).getFirst();
        assertEquals(1, piece.width() * piece.height());
        assertEquals(0f, piece.ink().at(0, 0));
    }
}
