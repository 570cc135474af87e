package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digits.captcha.entity.Outcome;
import app.digits.captcha.entity.Trajectory;
import app.digits.captcha.entity.Trajectory.Point;
import app.digits.imaging.control.ImageDecoder;
import app.digits.imaging.control.InkMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StrokeCheckTest {

    private static final ImageDecoder DECODER = new ImageDecoder(2_000_000, 4_000_000);

    private static InkMap inkOf(Trajectory trajectory) {
        return InkMap.of(DECODER.decode(SyntheticStrokes.render(trajectory)));
    }

    private static Optional<Outcome> check(Trajectory trajectory) {
        return StrokeCheck.check(trajectory, inkOf(trajectory));
    }

    private static Trajectory mapPoints(Trajectory trajectory, UnaryOperator<List<Point>> change) {
        return new Trajectory(trajectory.strokes().stream().map(stroke -> change.apply(new ArrayList<>(stroke))).toList());
    }

    @Test
    void handDrawnDigitsPass() {
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(Optional.empty(), check(SyntheticStrokes.seven(seed)), "seed " + seed);
        }
        var one = SyntheticStrokes.humanLike(3, new double[][]{{140, 40}, {135, 240}});
        assertEquals(Optional.empty(), check(one), "a straight 1 drawn by hand speeds up and slows down");
        var four = SyntheticStrokes.humanLike(4, new double[][]{{150, 40}, {60, 170}, {220, 170}}, new double[][]{{170, 90}, {170, 245}});
        assertEquals(Optional.empty(), check(four), "two strokes");
    }

    @Test
    void anAnswerWithoutStrokesHasNoTrajectory() {
        var ink = inkOf(SyntheticStrokes.seven(1));
        assertEquals(Optional.of(Outcome.NO_TRAJECTORY), StrokeCheck.check(null, ink));
        assertEquals(Optional.of(Outcome.NO_TRAJECTORY), StrokeCheck.check(new Trajectory(null), ink));
        assertEquals(Optional.of(Outcome.NO_TRAJECTORY), StrokeCheck.check(new Trajectory(List.of()), ink));
        assertEquals(Optional.of(Outcome.NO_TRAJECTORY), StrokeCheck.check(new Trajectory(List.of(List.of())), ink));
    }

    @Test
    void aStraightLineAtConstantSpeedIsImplausible() {
        var line = SyntheticStrokes.constantSpeedLine(140, 40, 140, 240, 30);
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), check(line));
    }

    @Test
    void aPointThatTeleportsIsImplausible() {
        var seven = SyntheticStrokes.seven(2);
        var jumped = mapPoints(seven, stroke -> {
            var middle = stroke.get(stroke.size() / 2);
            stroke.set(stroke.size() / 2, new Point(75, 225, middle.t()));
            return stroke;
        });
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), StrokeCheck.check(jumped, inkOf(seven)));
    }

    @Test
    void strokesOfZeroDurationAreImplausible() {
        var instant = mapPoints(SyntheticStrokes.seven(3),
                stroke -> stroke.stream().map(point -> new Point(point.x(), point.y(), 1000)).toList());
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), check(instant));
    }

    @Test
    void timeGoingBackwardsIsImplausible() {
        var reversed = mapPoints(SyntheticStrokes.seven(4), stroke -> {
            var times = stroke.stream().map(Point::t).toList().reversed();
            var changed = new ArrayList<Point>();
            for (int i = 0; i < stroke.size(); i++) {
                changed.add(new Point(stroke.get(i).x(), stroke.get(i).y(), times.get(i)));
            }
            return changed;
        });
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), check(reversed));
    }

    @Test
    void tooFewPointsOrTooQuickADrawingAreImplausible() {
        var three = new Trajectory(List.of(List.of(new Point(70, 60, 0), new Point(210, 65, 90), new Point(120, 230, 300))));
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), check(three));
        var seven = SyntheticStrokes.seven(5);
        var start = seven.strokes().getFirst().getFirst().t();
        var hurried = mapPoints(seven, stroke -> stroke.stream().map(point -> new Point(point.x(), point.y(), start + (point.t() - start) / 20)).toList());
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), check(hurried));
    }

    @Test
    void pointsOffTheCanvasAreImplausible() {
        var seven = SyntheticStrokes.seven(6);
        var outside = mapPoints(seven, stroke -> stroke.stream().map(point -> new Point(point.x() + 300, point.y(), point.t())).toList());
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), StrokeCheck.check(outside, inkOf(seven)));
    }

    @Test
    void strokesThatDoNotMatchTheImagesInkAreImplausible() {
        var small = SyntheticStrokes.humanLike(7, new double[][]{{40, 40}, {110, 45}, {70, 120}});
        assertEquals(Optional.empty(), check(small));
        assertEquals(Optional.of(Outcome.IMPLAUSIBLE_STROKES), StrokeCheck.check(small, inkOf(SyntheticStrokes.seven(7))),
                "a real trajectory sent with another drawing");
    }
}
