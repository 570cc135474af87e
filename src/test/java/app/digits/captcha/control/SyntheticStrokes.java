package app.digits.captcha.control;

import app.digits.captcha.entity.Trajectory;
import app.digits.captcha.entity.Trajectory.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Trajectories for the tests. Human-like ones move between waypoints the way a hand does (the minimum-jerk
 * profile: slow start, fast middle, slow stop, with a little tremor and uneven event times), and can be
 * rendered as the page's canvas would (black strokes, 20 pixels wide, on a transparent 280x280 canvas).
 */
public final class SyntheticStrokes {

    public static final int CANVAS = 280;

    private SyntheticStrokes() {
    }

    /** One stroke per polyline of waypoints ({x, y} pairs), drawn one after the other with short pauses. */
    public static Trajectory humanLike(long seed, double[][]... polylines) {
        var random = new Random(seed);
        var strokes = new ArrayList<List<Point>>();
        double t = 1000 + random.nextDouble(500);
        for (var polyline : polylines) {
            var stroke = new ArrayList<Point>();
            stroke.add(new Point(polyline[0][0], polyline[0][1], t));
            for (int i = 1; i < polyline.length; i++) {
                double length = Math.hypot(polyline[i][0] - polyline[i - 1][0], polyline[i][1] - polyline[i - 1][1]);
                double duration = 120 + 2.2 * length;
                for (double elapsed = 0; elapsed < duration; ) {
                    double step = 12 + random.nextDouble(8);
                    elapsed = Math.min(duration, elapsed + step);
                    double tau = elapsed / duration;
                    double s = 10 * Math.pow(tau, 3) - 15 * Math.pow(tau, 4) + 6 * Math.pow(tau, 5);
                    double x = polyline[i - 1][0] + s * (polyline[i][0] - polyline[i - 1][0]) + random.nextGaussian() * 0.4;
                    double y = polyline[i - 1][1] + s * (polyline[i][1] - polyline[i - 1][1]) + random.nextGaussian() * 0.4;
                    stroke.add(new Point(clamp(x), clamp(y), t + elapsed));
                }
                t += duration;
            }
            strokes.add(stroke);
            t += 150 + random.nextDouble(200);
        }
        return new Trajectory(strokes);
    }

    /** A "7": a bar and a diagonal, drawn by hand. */
    public static Trajectory seven(long seed) {
        return humanLike(seed, new double[][]{{70, 60}, {210, 65}, {120, 230}});
    }

    /** A straight line at constant speed, one event every 16 ms, as a naive script would send it. */
    public static Trajectory constantSpeedLine(double fromX, double fromY, double toX, double toY, int points) {
        var stroke = new ArrayList<Point>();
        for (int i = 0; i < points; i++) {
            double share = i / (points - 1.0);
            stroke.add(new Point(fromX + share * (toX - fromX), fromY + share * (toY - fromY), 1000 + 16.0 * i));
        }
        return new Trajectory(List.of(stroke));
    }

    /** The PNG the canvas would send for this trajectory. */
    public static byte[] render(Trajectory trajectory) {
        var image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_ARGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0x11, 0x11, 0x11));
        graphics.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (var stroke : trajectory.strokes()) {
            var path = new Path2D.Double();
            path.moveTo(stroke.getFirst().x(), stroke.getFirst().y());
            stroke.forEach(point -> path.lineTo(point.x(), point.y()));
            graphics.draw(path);
        }
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(CANVAS, value));
    }
}
