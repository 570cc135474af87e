package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DigitSegmenterTest {

    private static List<DigitSegmenter.Piece> segment(Consumer<Graphics2D> drawing) {
        var image = new BufferedImage(900, 240, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 900, 240);
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        drawing.accept(graphics);
        graphics.dispose();
        return DigitSegmenter.segment(InkMap.of(image));
    }

    private static void one(Graphics2D g, int x) {
        g.drawLine(x, 40, x, 200);
    }

    private static void zero(Graphics2D g, int x) {
        g.drawOval(x, 40, 90, 160);
    }

    @Test
    void separateDigitsComeOutLeftToRight() {
        var pieces = segment(g -> {
            zero(g, 300);
            one(g, 100);
            one(g, 600);
        });
        assertEquals(3, pieces.size());
        assertTrue(pieces.get(0).left() < 110 && pieces.get(1).left() > 280 && pieces.get(2).left() > 580);
        assertTrue(pieces.get(1).width() > 90 && pieces.get(1).width() < 120, "the zero is whole: " + pieces.get(1));
    }

    @Test
    void strokesOfOneDigitOverTheSameColumnsAreOneDigit() {
        var pieces = segment(g -> {
            one(g, 100);
            g.drawLine(300, 40, 390, 40);      // the bar of a five, not touching the rest
            g.drawLine(300, 60, 300, 110);
            g.drawArc(290, 100, 100, 100, 120, -260);
        });
        assertEquals(2, pieces.size());
        assertTrue(pieces.get(1).height() > 150, "the five's bar and body are one digit: " + pieces.get(1));
    }

    @Test
    void touchingDigitsAreCutAtTheirThinnestColumn() {
        var pieces = segment(g -> {
            zero(g, 200);
            zero(g, 285);
        });
        assertEquals(2, pieces.size());
        assertEquals(290, pieces.get(1).left(), 25);
    }

    @Test
    void specksAreNotDigits() {
        var pieces = segment(g -> {
            one(g, 100);
            g.fillRect(400, 100, 3, 3);
        });
        assertEquals(1, pieces.size());
    }

    @Test
    void eachPieceHoldsOnlyItsOwnInk() {
        var pieces = segment(g -> {
            one(g, 100);
            zero(g, 300);
        });
        var zeroInk = pieces.get(1).ink();
        assertEquals(0f, zeroInk.at(zeroInk.width() / 2, zeroInk.height() / 2), "the hole of the zero is empty");
        assertTrue(MnistNormalizer.normalize(zeroInk).isPresent());
    }

    @Test
    void aBlankDrawingHasNoDigits() {
        assertEquals(0, segment(g -> { }).size());
    }
}
