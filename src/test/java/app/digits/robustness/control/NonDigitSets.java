package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.robustness.entity.Sample;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Drawings that are not one digit, for measuring how often the recognizer says so: scribbles, random
 * strokes, letters rendered with Java2D fonts, geometric shapes, dots, and two MNIST test digits side by side,
 * each a black-on-white PNG on the 280x280 pad with the pen widths people use. Sample {@code i} of a kind
 * depends only on the seed, the kind and {@code i}. Letters and shapes a person would draw exactly like a
 * digit (O, I, l, S, Z, a circle, a vertical bar) are left out: refusing them would refuse the digit too.
 */
public final class NonDigitSets {

    static final int CANVAS = RobustnessSets.CANVAS;
    private static final String LETTERS = "AaCcEeFfHhKkMmNnPpRrTtUuVvWwXxYydhjmnpwx#&@%?!+=";
    private static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG};

    /** The kinds of non-digit, each with a stable key. */
    public enum Kind {
        SCRIBBLE("scribble"), STROKES("random-strokes"), LETTER("letter"), SHAPE("shape"), DOT("dots"),
        TWO_DIGITS("two-digits");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private NonDigitSets() {
    }

    /** The first {@code count} samples of a kind; two-digit samples take their digits from {@code images}. */
    public static Stream<Sample> samples(Kind kind, List<LabelledImage> images, long seed, int count) {
        return IntStream.range(0, count).mapToObj(i -> sample(kind, images, new Random((seed * 31 + kind.ordinal()) * 1_000_003L + i)));
    }

    static Sample sample(Kind kind, List<LabelledImage> images, Random random) {
        if (kind == Kind.TWO_DIGITS) {
            return twoDigits(images, random);
        }
        var image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, CANVAS, CANVAS);
        graphics.setColor(Color.BLACK);
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setStroke(new BasicStroke(6 + random.nextInt(22), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (kind) {
            case SCRIBBLE -> scribble(graphics, random);
            case STROKES -> strokes(graphics, random);
            case LETTER -> letter(graphics, random);
            case SHAPE -> shape(graphics, random);
            case DOT -> dots(graphics, random);
            case TWO_DIGITS -> throw new IllegalStateException("drawn from MNIST digits");
        }
        graphics.dispose();
        return new Sample(Paper.png(image), "png", kind.key());
    }

    /** One to three long wandering strokes whose direction drifts at random. */
    private static void scribble(Graphics2D graphics, Random random) {
        for (int stroke = 1 + random.nextInt(3); stroke > 0; stroke--) {
            var path = new Path2D.Double();
            double x = 60 + 160 * random.nextDouble();
            double y = 60 + 160 * random.nextDouble();
            double angle = 2 * Math.PI * random.nextDouble();
            path.moveTo(x, y);
            for (int step = 40 + random.nextInt(80); step > 0; step--) {
                angle += random.nextGaussian() * 0.5;
                x = Math.clamp(x + 8 * Math.cos(angle), 20, CANVAS - 20);
                y = Math.clamp(y + 8 * Math.sin(angle), 20, CANVAS - 20);
                path.lineTo(x, y);
            }
            graphics.draw(path);
        }
    }

    /** Two to five straight strokes anywhere on the pad. */
    private static void strokes(Graphics2D graphics, Random random) {
        for (int stroke = 2 + random.nextInt(4); stroke > 0; stroke--) {
            graphics.drawLine(point(random), point(random), point(random), point(random));
        }
    }

    private static int point(Random random) {
        return 30 + random.nextInt(CANVAS - 60);
    }

    /** A letter or sign in one of four fonts, plain, bold or italic, filled and outlined with the pen. */
    private static void letter(Graphics2D graphics, Random random) {
        var text = String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length())));
        var font = new Font(FONTS[random.nextInt(FONTS.length)], random.nextInt(4), 120 + random.nextInt(100));
        var outline = font.createGlyphVector(graphics.getFontRenderContext(), text).getOutline();
        var box = outline.getBounds2D();
        var centre = AffineTransform.getTranslateInstance(CANVAS / 2.0 - box.getCenterX(), CANVAS / 2.0 - box.getCenterY());
        var placed = centre.createTransformedShape(outline);
        graphics.fill(placed);
        if (random.nextBoolean()) {
            graphics.setStroke(new BasicStroke(2 + random.nextInt(8), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.draw(placed);
        }
    }

    /** A rectangle, triangle, star, cross, spiral, grid, filled square or horizontal dash. */
    private static void shape(Graphics2D graphics, Random random) {
        int size = 90 + random.nextInt(140);
        int left = (CANVAS - size) / 2;
        switch (random.nextInt(8)) {
            case 0 -> graphics.drawRect(left, left + size / 6, size, size * 2 / 3);
            case 1 -> graphics.drawPolygon(new int[] {CANVAS / 2, left, left + size}, new int[] {left, left + size, left + size}, 3);
            case 2 -> graphics.draw(star(size / 2.0));
            case 3 -> {
                graphics.drawLine(left, left, left + size, left + size);
                graphics.drawLine(left + size, left, left, left + size);
            }
            case 4 -> graphics.draw(spiral(size / 2.0, 2 + random.nextInt(2)));
            case 5 -> {
                for (int i = 0; i <= 3; i++) {
                    graphics.drawLine(left + i * size / 3, left, left + i * size / 3, left + size);
                    graphics.drawLine(left, left + i * size / 3, left + size, left + i * size / 3);
                }
            }
            case 6 -> graphics.fillRect(left, left, size, size);
            default -> graphics.drawLine(left, CANVAS / 2, left + size, CANVAS / 2 + random.nextInt(30) - 15);
        }
    }

    private static Path2D star(double radius) {
        var path = new Path2D.Double();
        for (int i = 0; i <= 5; i++) {
            double angle = -Math.PI / 2 + i * 4 * Math.PI / 5;
            double x = CANVAS / 2.0 + radius * Math.cos(angle);
            double y = CANVAS / 2.0 + radius * Math.sin(angle);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        return path;
    }

    private static Path2D spiral(double radius, int turns) {
        var path = new Path2D.Double();
        path.moveTo(CANVAS / 2.0, CANVAS / 2.0);
        for (double t = 0; t <= 1; t += 0.01) {
            double angle = t * turns * 2 * Math.PI;
            path.lineTo(CANVAS / 2.0 + t * radius * Math.cos(angle), CANVAS / 2.0 + t * radius * Math.sin(angle));
        }
        return path;
    }

    /** One to three dots, each a few pen widths across. */
    private static void dots(Graphics2D graphics, Random random) {
        for (int dot = 1 + random.nextInt(3); dot > 0; dot--) {
            int size = 8 + random.nextInt(30);
            graphics.fillOval(point(random), point(random), size, size);
        }
    }

    /** Two MNIST test digits written on the single-digit pad, apart or touching, shrunk to fit. */
    private static Sample twoDigits(List<LabelledImage> images, Random random) {
        var digits = IntStream.range(0, 2).mapToObj(d -> Ink.of(images.get(random.nextInt(images.size())),
                RobustnessSets.SCALE).cropped(0.05f)).toList();
        var number = NumberLayout.lay(digits, random.nextInt(3) > 0, random);
        double scale = Math.min(1, (CANVAS - 20.0) / Math.max(number.width(), number.height()));
        var shrunk = number.scaled((int) (number.width() * scale), (int) (number.height() * scale));
        var pad = new Ink(CANVAS, CANVAS, new float[CANVAS * CANVAS]);
        int left = (CANVAS - shrunk.width()) / 2;
        int top = (CANVAS - shrunk.height()) / 2;
        for (int y = 0; y < shrunk.height(); y++) {
            System.arraycopy(shrunk.values(), y * shrunk.width(), pad.values(), (top + y) * CANVAS + left, shrunk.width());
        }
        return new Sample(Paper.png(Paper.WHITE.draw(pad, random)), "png", Kind.TWO_DIGITS.key());
    }
}
