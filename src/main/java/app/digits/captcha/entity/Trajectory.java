package app.digits.captcha.entity;

import java.util.List;

/**
 * How a drawing was made: its strokes in order, each the pointer's positions in canvas pixels with the time
 * of each event in milliseconds (any origin), as the page records them from pointer events.
 */
public record Trajectory(List<List<Point>> strokes) {

    public record Point(double x, double y, double t) {
    }

    public int pointCount() {
        return strokes == null ? 0 : strokes.stream().mapToInt(stroke -> stroke == null ? 0 : stroke.size()).sum();
    }
}
