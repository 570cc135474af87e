package app.digits.captcha.control;

import app.digits.imaging.control.PngImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.FlatteningPathIterator;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws the digit of a challenge as a picture a person reads at a glance and a script cannot simply parse:
 * the glyph of a random font and style, rotated, sheared and warped by sine waves, filled or outlined with a
 * random pen, on a tinted background with noise and clutter curves crossing it. The digit never appears as
 * text, in the page or in the API. Everything comes from one seed, so a seed always gives the same PNG.
 */
public final class ChallengeImage {

    public static final int WIDTH = 180;
    public static final int HEIGHT = 120;

    private static final String[] FAMILIES = {Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED, Font.DIALOG};
    private static final int[] STYLES = {Font.PLAIN, Font.BOLD, Font.ITALIC, Font.BOLD | Font.ITALIC};

    private ChallengeImage() {
    }

    public static byte[] png(int digit, long seed) {
        var random = new Random(seed);
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            var background = new Color(225 + random.nextInt(25), 225 + random.nextInt(25), 225 + random.nextInt(25));
            graphics.setPaint(new GradientPaint(0, 0, background, WIDTH, HEIGHT, background.darker()));
            graphics.fillRect(0, 0, WIDTH, HEIGHT);
            noise(graphics, random);
            clutter(graphics, random, 3 + random.nextInt(3));
            var ink = new Color(random.nextInt(90), random.nextInt(90), random.nextInt(90));
            graphics.setColor(ink);
            var glyph = glyph(graphics, digit, random);
            if (random.nextInt(3) == 0) {
                graphics.setStroke(new BasicStroke(2.5f + random.nextFloat() * 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                graphics.draw(glyph);
            } else {
                graphics.fill(glyph);
            }
            graphics.setColor(background);
            graphics.setStroke(new BasicStroke(1.5f + random.nextFloat() * 1.5f));
            graphics.draw(curve(random));
            clutter(graphics, random, 2);
        } finally {
            graphics.dispose();
        }
        return PngImages.encode(image);
    }

    private static Shape glyph(Graphics2D graphics, int digit, Random random) {
        var font = new Font(FAMILIES[random.nextInt(FAMILIES.length)], STYLES[random.nextInt(STYLES.length)], 78 + random.nextInt(18));
        var outline = font.createGlyphVector(graphics.getFontRenderContext(), String.valueOf(digit)).getOutline();
        var bounds = outline.getBounds2D();
        var transform = new AffineTransform();
        transform.translate(WIDTH / 2.0 + random.nextGaussian() * 8, HEIGHT / 2.0 + random.nextGaussian() * 4);
        transform.rotate(Math.toRadians(random.nextDouble(-25, 25)));
        transform.shear(random.nextDouble(-0.25, 0.25), random.nextDouble(-0.1, 0.1));
        transform.scale(random.nextDouble(0.85, 1.2), random.nextDouble(0.9, 1.1));
        transform.translate(-bounds.getCenterX(), -bounds.getCenterY());
        return warp(transform.createTransformedShape(outline), random);
    }

    /** Moves every point of the flattened outline along two sine waves, so no font's glyph matches it. */
    private static Shape warp(Shape shape, Random random) {
        double amplitudeX = random.nextDouble(2.5, 6);
        double amplitudeY = random.nextDouble(2.5, 6);
        double periodX = random.nextDouble(35, 70);
        double periodY = random.nextDouble(35, 70);
        double phaseX = random.nextDouble(2 * Math.PI);
        double phaseY = random.nextDouble(2 * Math.PI);
        var warped = new Path2D.Double();
        var point = new double[6];
        for (var path = new FlatteningPathIterator(shape.getPathIterator(null), 0.5); !path.isDone(); path.next()) {
            int segment = path.currentSegment(point);
            double x = point[0] + amplitudeX * Math.sin(2 * Math.PI * point[1] / periodX + phaseX);
            double y = point[1] + amplitudeY * Math.sin(2 * Math.PI * point[0] / periodY + phaseY);
            switch (segment) {
                case PathIterator.SEG_MOVETO -> warped.moveTo(x, y);
                case PathIterator.SEG_LINETO -> warped.lineTo(x, y);
                default -> warped.closePath();
            }
        }
        return warped;
    }

    private static void noise(Graphics2D graphics, Random random) {
        for (int i = 0; i < 500; i++) {
            int grey = 110 + random.nextInt(120);
            graphics.setColor(new Color(grey, grey - random.nextInt(30), grey - random.nextInt(30)));
            graphics.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 1 + random.nextInt(2), 1 + random.nextInt(2));
        }
    }

    private static void clutter(Graphics2D graphics, Random random, int count) {
        for (int i = 0; i < count; i++) {
            graphics.setColor(new Color(40 + random.nextInt(120), 40 + random.nextInt(120), 40 + random.nextInt(120)));
            graphics.setStroke(new BasicStroke(1f + random.nextFloat() * 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            graphics.draw(curve(random));
        }
    }

    private static Shape curve(Random random) {
        return new CubicCurve2D.Double(-10, random.nextDouble(HEIGHT), random.nextDouble(WIDTH), random.nextDouble(-HEIGHT, 2 * HEIGHT),
                random.nextDouble(WIDTH), random.nextDouble(-HEIGHT, 2 * HEIGHT), WIDTH + 10, random.nextDouble(HEIGHT));
    }
}
