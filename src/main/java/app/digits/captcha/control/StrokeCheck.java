package app.digits.captcha.control;

import app.digits.captcha.entity.Outcome;
import app.digits.captcha.entity.Trajectory;
import app.digits.captcha.entity.Trajectory.Point;
import app.digits.imaging.control.InkMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges whether a drawing's trajectory looks drawn by a hand: enough points, time that only moves forward,
 * a total duration a person takes, points on the canvas, no jump faster than a hand, a speed that varies
 * (people speed up and slow down; a script that interpolates a path at constant speed does not), and strokes
 * that cover the ink of the image sent with them. A determined script can imitate all this; the check raises
 * the bar from "send MNIST pixels" to "simulate a hand consistent with the image", and the proof-of-work and
 * the limits make each such try cost. Canvas sizes and speeds are in canvas pixels, times in milliseconds.
 */
public final class StrokeCheck {

    static final int MIN_POINTS = 8;
    static final int MAX_POINTS = 5_000;
    static final int MAX_STROKES = 40;
    static final double MIN_DURATION = 150;
    static final double MAX_DURATION = 120_000;
    /** The fastest plausible pen, in canvas sides per millisecond (across a 280-pixel canvas in about 33 ms). */
    static final double MAX_SIDES_PER_MS = 0.03;
    /** The least coefficient of variation of the speed along the strokes. */
    static final double MIN_SPEED_VARIATION = 0.15;
    /** How far, as a share of the canvas side, the strokes' box and the ink's box may differ on each edge. */
    static final double BOX_MARGIN = 0.12;
    static final float INK = 0.25f;

    private StrokeCheck() {
    }

    /** Empty when the trajectory is plausible for this image; otherwise the reason to refuse it. */
    public static Optional<Outcome> check(Trajectory trajectory, InkMap image) {
        if (trajectory == null || trajectory.pointCount() == 0) {
            return Optional.of(Outcome.NO_TRAJECTORY);
        }
        return plausible(trajectory.strokes(), image) ? Optional.empty() : Optional.of(Outcome.IMPLAUSIBLE_STROKES);
    }

    private static boolean plausible(List<List<Point>> strokes, InkMap image) {
        int points = strokes.stream().mapToInt(stroke -> stroke == null ? 0 : stroke.size()).sum();
        if (points < MIN_POINTS || points > MAX_POINTS || strokes.size() > MAX_STROKES
                || strokes.stream().anyMatch(stroke -> stroke == null || stroke.isEmpty() || stroke.contains(null))) {
            return false;
        }
        double side = Math.max(image.width(), image.height());
        var speeds = new ArrayList<Double>();
        Point previous = null;
        for (var stroke : strokes) {
            if (stroke.size() > 2 && stroke.getLast().t() <= stroke.getFirst().t()) {
                return false;
            }
            for (int i = 0; i < stroke.size(); i++) {
                var point = stroke.get(i);
                if (!onCanvas(point, image) || previous != null && point.t() < previous.t()) {
                    return false;
                }
                if (i > 0) {
                    double distance = Math.hypot(point.x() - previous.x(), point.y() - previous.y());
                    double elapsed = point.t() - previous.t();
                    if (elapsed > 0) {
                        speeds.add(distance / elapsed);
                    }
                    if (distance > side * MAX_SIDES_PER_MS * Math.max(elapsed, 4)) {
                        return false;
                    }
                }
                previous = point;
            }
        }
        double duration = previous.t() - strokes.getFirst().getFirst().t();
        return duration >= MIN_DURATION && duration <= MAX_DURATION && speeds.size() >= MIN_POINTS / 2
                && variation(speeds) >= MIN_SPEED_VARIATION && boxesAgree(strokes, image, side * BOX_MARGIN);
    }

    private static boolean onCanvas(Point point, InkMap image) {
        return Double.isFinite(point.t()) && point.x() >= -1 && point.y() >= -1
                && point.x() <= image.width() + 1 && point.y() <= image.height() + 1;
    }

    private static double variation(List<Double> speeds) {
        double mean = speeds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = speeds.stream().mapToDouble(speed -> (speed - mean) * (speed - mean)).average().orElse(0);
        return mean > 0 ? Math.sqrt(variance) / mean : 0;
    }

    /**
     * Whether the box of the strokes and the box of the ink match within the margin on every edge; a blank image
     * is left to the recognizer to call blank.
     */
    private static boolean boxesAgree(List<List<Point>> strokes, InkMap image, double margin) {
        double left = Double.MAX_VALUE, top = Double.MAX_VALUE, right = -Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (var stroke : strokes) {
            for (var point : stroke) {
                left = Math.min(left, point.x());
                top = Math.min(top, point.y());
                right = Math.max(right, point.x());
                bottom = Math.max(bottom, point.y());
            }
        }
        int inkLeft = Integer.MAX_VALUE, inkTop = Integer.MAX_VALUE, inkRight = -1, inkBottom = -1;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.at(x, y) >= INK) {
                    inkLeft = Math.min(inkLeft, x);
                    inkTop = Math.min(inkTop, y);
                    inkRight = Math.max(inkRight, x);
                    inkBottom = Math.max(inkBottom, y);
                }
            }
        }
        return inkRight < 0 || Math.abs(left - inkLeft) <= margin && Math.abs(top - inkTop) <= margin
                && Math.abs(right - inkRight) <= margin && Math.abs(bottom - inkBottom) <= margin;
    }
}
