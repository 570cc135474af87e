package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import app.digits.robustness.control.MnistTestSet;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The segmenter with a small template-matching reader standing in for a model: it is sure of a piece in the
 * measure that the piece, normalized, looks like one of the glyphs the test draws, each drawn alone.
 */
class DigitSegmenterTest {

    private static final BiConsumer<Graphics2D, Integer> ONE = (g, x) -> g.drawLine(x, 40, x, 200);
    private static final BiConsumer<Graphics2D, Integer> ZERO = (g, x) -> g.drawOval(x, 40, 100, 160);
    private static final BiConsumer<Graphics2D, Integer> WIDE_ZERO = (g, x) -> g.drawOval(x, 40, 160, 160);
    private static final BiConsumer<Graphics2D, Integer> FIVE = (g, x) -> {
        g.drawLine(x + 10, 40, x + 100, 40);      // the bar, not touching the rest
        g.drawLine(x + 10, 62, x + 10, 110);
        g.drawArc(x, 100, 100, 100, 120, -260);
    };
    /** "001", each digit's stroke running into the one before it. */
    private static final Consumer<Graphics2D> TOUCHING_ZEROS_AND_ONE = g -> {
        ZERO.accept(g, 200);
        ZERO.accept(g, 310);                         // its stroke runs 6 px into the first zero's
        ONE.accept(g, 422);                          // 4 px into the second zero's side
    };
    /** A 1 leaning as handwriting leans: its top 110 px right of its foot. */
    private static final BiConsumer<Graphics2D, Integer> SLANTED_ONE = (g, x) -> g.drawLine(x + 110, 40, x, 200);
    private static final BiConsumer<Graphics2D, Integer> FOUR = (g, x) -> {
        g.drawPolyline(new int[] {x + 50, x, x + 70}, new int[] {40, 140, 140}, 3);
        g.drawLine(x + 95, 60, x + 95, 200);      // the second stroke, apart from the first
    };

    private static BufferedImage draw(Consumer<Graphics2D> drawing) {
        return draw(drawing, 1);
    }

    /** The drawing {@code scale} times larger, pen included, as a scan at a higher resolution gives it. */
    private static BufferedImage draw(Consumer<Graphics2D> drawing, int scale) {
        var image = new BufferedImage(900 * scale, 240 * scale, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 900 * scale, 240 * scale);
        graphics.scale(scale, scale);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        drawing.accept(graphics);
        graphics.dispose();
        return image;
    }

    /**
     * As sure as a model of a clean digit (log-odds 10) for a glyph drawn alone, less sure (log-odds falling by
     * one for every two grey levels of mean difference) the further the piece is from the closest glyph.
     */
    private static double sureness(byte[] pixels, List<byte[]> templates) {
        double closest = Double.MAX_VALUE;
        for (var template : templates) {
            double sum = 0;
            for (int i = 0; i < pixels.length; i++) {
                sum += Math.abs((pixels[i] & 0xFF) - (template[i] & 0xFF));
            }
            closest = Math.min(closest, sum / pixels.length);
        }
        return 1 / (1 + Math.exp(closest / 2 - 10));
    }

    @SafeVarargs
    private static List<DigitSegmenter.Piece> segment(Consumer<Graphics2D> drawing, BiConsumer<Graphics2D, Integer>... glyphs) {
        return segment(drawing, 1, glyphs);
    }

    @SafeVarargs
    private static List<DigitSegmenter.Piece> segment(Consumer<Graphics2D> drawing, int scale, BiConsumer<Graphics2D, Integer>... glyphs) {
        var templates = templates(glyphs);
        return DigitSegmenter.segment(InkMap.of(draw(drawing, scale)), pixels -> sureness(pixels, templates));
    }

    /** Each glyph drawn alone and normalized: what {@link #sureness} compares pieces with. */
    @SafeVarargs
    private static List<byte[]> templates(BiConsumer<Graphics2D, Integer>... glyphs) {
        return List.of(glyphs).stream()
                .map(glyph -> MnistNormalizer.normalize(InkMap.of(draw(g -> glyph.accept(g, 300)))).orElseThrow()).toList();
    }

    @Test
    void oneNarrowPieceIsOneDigitWithoutReadingItAndTwoPiecesOrAWideOneAreNot() {
        assertTrue(DigitSegmenter.isOneDigit(InkMap.of(draw(g -> ONE.accept(g, 300)))));
        assertTrue(DigitSegmenter.isOneDigit(InkMap.of(draw(g -> ZERO.accept(g, 300)))));
        assertFalse(DigitSegmenter.isOneDigit(InkMap.of(draw(g -> WIDE_ZERO.accept(g, 300)))));
        assertFalse(DigitSegmenter.isOneDigit(InkMap.of(draw(g -> {
            ONE.accept(g, 300);
            ONE.accept(g, 400);
        }))));
    }

    @Test
    void whatIsOneDigitWithoutReadingIsNeverCutBySegmenting() {
        int oneDigit = 0;
        for (var image : MnistTestSet.images().subList(0, 300)) {
            var ink = InkMap.ofGreyLevels(28, 28, IntStream.range(0, 784).map(image::pixel).toArray());
            if (DigitSegmenter.isOneDigit(ink)) {
                oneDigit++;
                assertTrue(DigitSegmenter.segment(ink, pixels -> 0.5).size() <= 1, "test image " + oneDigit);
            }
        }
        assertTrue(oneDigit > 100, oneDigit + " of 300 test digits are one narrow piece");
    }

    @Test
    void separateDigitsComeOutLeftToRightAndAWideZeroStaysWhole() {
        var pieces = segment(g -> {
            WIDE_ZERO.accept(g, 300);
            ONE.accept(g, 100);
            ONE.accept(g, 600);
        }, ONE, WIDE_ZERO);
        assertEquals(3, pieces.size());
        assertTrue(pieces.get(0).left() < 110 && pieces.get(1).left() > 280 && pieces.get(2).left() > 580);
        assertTrue(pieces.get(1).width() > 160 && pieces.get(1).width() < 190, "the zero is whole: " + pieces.get(1));
    }

    /**
     * A reader as sure of any piece as of a digit (as a served model weighed by the touching-digits detector was of
     * the halves of a wide lone 9, read "57") would cut a wide zero standing alone into slivers, each of them
     * worth more than the cuts through its strokes cost: a cut through ink that stands alone and is no wider than
     * a digit costs more.
     */
    @Test
    void aLoneWideZeroStaysWholeWhenEveryPieceReadsAsWellAsIt() {
        var pieces = DigitSegmenter.segment(InkMap.of(draw(g -> {
            ONE.accept(g, 100);
            WIDE_ZERO.accept(g, 300);
        })), pixels -> 0.9999);
        assertEquals(2, pieces.size(), "the one and the zero: " + pieces);
        assertTrue(pieces.get(1).width() > 160, "the zero is whole: " + pieces.get(1));
    }

    @Test
    void aFiveWhoseBarStandsApartIsOneDigit() {
        var pieces = segment(g -> {
            ONE.accept(g, 100);
            FIVE.accept(g, 300);
        }, ONE, FIVE);
        assertEquals(2, pieces.size());
        assertTrue(pieces.get(1).height() > 170, "the five's bar and body are one digit: " + pieces.get(1));
    }

    @Test
    void aFourDrawnInTwoStrokesThatDoNotMeetIsOneDigit() {
        var pieces = segment(g -> {
            FOUR.accept(g, 200);
            ONE.accept(g, 500);
        }, ONE, FOUR);
        assertEquals(2, pieces.size(), "the four and the one: " + pieces);
        assertTrue(pieces.get(0).width() > 100, "both strokes of the four: " + pieces.get(0));
    }

    /**
     * A piece is weighed as the search weighs it: a glyph the reader is as sure of as it can be (log-odds 10) adds
     * 10 less the 8 a digit is expected to bring; a piece too low for a digit cannot be one.
     */
    @Test
    void worthWeighsPiecesAsTheSearchDoes() {
        var templates = templates(ONE);
        DigitSegmenter.Sureness reader = pixels -> sureness(pixels, templates);
        var line = InkMap.of(draw(g -> ONE.accept(g, 300)));
        var one = DigitSegmenter.segment(line, reader);
        assertEquals(1, one.size(), "one piece: " + one);
        assertEquals(2, DigitSegmenter.worth(line, one, reader)[0], 0.01);
        var whole = one.getFirst();
        int low = whole.height() / 4;
        var top = new DigitSegmenter.Piece(new InkMap(whole.width(), low, Arrays.copyOf(whole.ink().ink(), whole.width() * low)),
                whole.left(), whole.top(), whole.width(), low);
        assertEquals(-50, DigitSegmenter.worth(line, List.of(top), reader)[0], 0.01);
    }

    @Test
    void touchingDigitsAreCutWhereBothReadAsDigits() {
        var pieces = segment(TOUCHING_ZEROS_AND_ONE, ONE, ZERO);
        assertEquals(3, pieces.size(), "two zeros and a one, all touching: " + pieces);
        assertEquals(310, pieces.get(1).left() + 8, 10);
        assertEquals(422, pieces.get(2).left() + pieces.get(2).width() / 2, 10);
    }

    /**
     * Two slanted 1s written close, each leaning into the other's box: no path near the vertical gets between
     * them (a path may wander a quarter of the line's height from its column, and the strokes lean further), so
     * they were read as one digit; a slanted cut follows the gap.
     */
    @Test
    void slantedOnesWhoseBoxesOverlapAreCutAlongTheirSlant() {
        var pieces = segment(g -> {
            SLANTED_ONE.accept(g, 200);
            SLANTED_ONE.accept(g, 270);
        }, SLANTED_ONE);
        assertEquals(2, pieces.size(), "two ones: " + pieces);
        for (var piece : pieces) {
            assertEquals(126, piece.width(), 8, "one stroke each: " + piece);
        }
        assertEquals(192, pieces.get(0).left(), 6);
        assertEquals(262, pieces.get(1).left(), 6);
    }

    /**
     * Cuttings are searched on the line shrunk to a fixed height, and the pieces then cut from the drawing
     * itself: the same touching digits scanned four times larger come out as the same pieces, four times larger.
     */
    @Test
    void touchingDigitsAreCutAlikeAtFourTimesTheResolution() {
        var small = segment(TOUCHING_ZEROS_AND_ONE, ONE, ZERO);
        var large = segment(TOUCHING_ZEROS_AND_ONE, 4, ONE, ZERO);
        assertEquals(3, large.size(), "two zeros and a one, all touching: " + large);
        for (int k = 0; k < small.size(); k++) {
            assertEquals(4 * small.get(k).left(), large.get(k).left(), 12, "piece " + k);
            assertEquals(4 * small.get(k).width(), large.get(k).width(), 16, "piece " + k);
            assertEquals(large.get(k).width(), large.get(k).ink().width(), "a piece is cut from the drawing itself");
        }
    }

    /**
     * The refusal judge searches on a line half as high: it finds the same digits, each mostly where the finer
     * search puts it (the cuts are coarser), cut from the drawing itself.
     */
    @Test
    void theJudgesLookAtALowerLineFindsTheSamePieces() {
        var templates = templates(ONE, ZERO);
        var ink = InkMap.of(draw(TOUCHING_ZEROS_AND_ONE, 2));
        DigitSegmenter.Sureness reader = pixels -> sureness(pixels, templates);
        var cut = DigitSegmenter.segment(ink, reader);
        var judged = DigitSegmenter.segmentUnlessOneDigit(ink, reader);
        assertEquals(3, judged.size(), "two zeros and a one, all touching: " + judged);
        assertEquals(cut.size(), judged.size());
        for (int k = 0; k < cut.size(); k++) {
            var fine = cut.get(k);
            var coarse = judged.get(k);
            int shared = Math.min(fine.left() + fine.width(), coarse.left() + coarse.width()) - Math.max(fine.left(), coarse.left());
            assertTrue(shared > 0.75 * fine.width(), "piece " + k + ": " + fine + " against " + coarse);
            assertEquals(coarse.width(), coarse.ink().width(), "a piece is cut from the drawing itself");
        }
    }

    @Test
    void dotsCommasAndDashesAreNotDigits() {
        var pieces = segment(g -> {
            ONE.accept(g, 100);
            g.fillOval(160, 186, 16, 16);           // a decimal point
            ZERO.accept(g, 220);
            g.drawLine(360, 190, 352, 215);         // a comma
            g.drawLine(410, 120, 470, 120);         // a dash
            ONE.accept(g, 520);
        }, ONE, ZERO);
        assertEquals(3, pieces.size(), "1.0,-1 has three digits: " + pieces);
    }

    @Test
    void eachPieceHoldsOnlyItsOwnInk() {
        var pieces = segment(g -> {
            ONE.accept(g, 100);
            ZERO.accept(g, 300);
        }, ONE, ZERO);
        var zeroInk = pieces.get(1).ink();
        assertEquals(0f, zeroInk.at(zeroInk.width() / 2, zeroInk.height() / 2), "the hole of the zero is empty");
        assertTrue(MnistNormalizer.normalize(zeroInk).isPresent());
    }

    @Test
    void aBlankDrawingHasNoDigits() {
        assertEquals(0, segment(g -> { }, ONE).size());
    }

    @Test
    void marksFarApartAreNeverOneDigitEvenWhenTheReaderPrefersPairs() {
        var bars = draw(g -> {
            for (int x = 40; x < 880; x += 110) {
                g.drawLine(x, 40, x, 200);
            }
        });
        var twoBars = MnistNormalizer.normalize(InkMap.of(draw(g -> {
            g.drawLine(300, 40, 300, 200);
            g.drawLine(410, 40, 410, 200);
        }))).orElseThrow();
        var pieces = DigitSegmenter.segment(InkMap.of(bars), pixels -> sureness(pixels, List.of(twoBars)));
        assertEquals(8, pieces.size(), "eight bars, 94 px apart on a line 176 px high");
    }
}
