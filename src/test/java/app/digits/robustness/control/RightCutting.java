package app.digits.robustness.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.DigitSegmenter;
import app.digits.imaging.control.InkMap;
import app.digits.imaging.control.WorkingInk;
import app.digits.robustness.entity.RobustnessSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The right cutting of a generated number, on the map the segmenter works on: each digit's share of the working
 * ink, found from where the layout drew it ({@link #digitsOf}). It exists so a benchmark ({@code SegmentationBench})
 * can weigh the right cutting as the segmenter weighs its own and tell, for every misread number, whether the candidate
 * paths never reached the right pieces or the weighing preferred others. Where two digits' strokes overlap, the
 * ink goes to both, which no cut can do: a right cutting weighs at most what the best reachable one would.
 */
public final class RightCutting {

    /** Working ink weaker than this is paper, as for the segmenter. */
    private static final float INK = 0.1f;
    /** A digit's drawn ink weaker than this does not claim a working pixel. */
    private static final float DRAWN = 0.05f;

    private RightCutting() {
    }

    /**
     * The digits of number sample {@code i} of a number set as the layout drew them, left to right: each one's
     * crop (only its own ink) and where it stands on the number's canvas, in the sample's pixels. This is the
     * right cutting, which no cut may reproduce exactly where two digits' strokes overlap.
     */
    public static List<DigitSegmenter.Piece> digitsOf(RobustnessSet set, List<LabelledImage> testSet, long seed, int i) {
        if (!set.numbers()) {
            throw new IllegalArgumentException(set.key() + " holds single digits");
        }
        var number = RobustnessSets.laid(set, testSet, RobustnessSets.random(set, seed, i));
        var pieces = new ArrayList<DigitSegmenter.Piece>();
        for (int d = 0; d < number.digits().size(); d++) {
            var digit = number.digits().get(d);
            pieces.add(new DigitSegmenter.Piece(new InkMap(digit.width(), digit.height(), digit.values().clone()),
                    number.laid().left()[d], number.laid().top()[d], digit.width(), digit.height()));
        }
        return pieces;
    }

    /** One piece per digit, left to right as given, in the working map's pixels. */
    public static List<DigitSegmenter.Piece> on(WorkingInk work, List<DigitSegmenter.Piece> digits) {
        var pieces = new ArrayList<DigitSegmenter.Piece>();
        for (var digit : digits) {
            pieces.add(share(work, digit));
        }
        return pieces;
    }

    private static DigitSegmenter.Piece share(WorkingInk work, DigitSegmenter.Piece digit) {
        var map = work.ink();
        double across = (double) work.drawingWidth() / map.width();
        double down = (double) work.drawingHeight() / map.height();
        var own = new boolean[map.ink().length];
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                if (map.at(x, y) > INK && drawn(digit, (int) (x * across), (int) Math.ceil((x + 1) * across),
                        (int) (y * down), (int) Math.ceil((y + 1) * down))) {
                    own[y * map.width() + x] = true;
                    left = Math.min(left, x);
                    top = Math.min(top, y);
                    right = Math.max(right, x);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return new DigitSegmenter.Piece(new InkMap(1, 1, new float[1]), 0, 0, 1, 1);
        }
        int width = right - left + 1;
        int height = bottom - top + 1;
        var ink = new float[width * height];
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                if (own[y * map.width() + x]) {
                    ink[(y - top) * width + x - left] = map.at(x, y);
                }
            }
        }
        return new DigitSegmenter.Piece(new InkMap(width, height, ink), left, top, width, height);
    }

    /** Whether the digit drew ink in the drawing's columns {@code [x0, x1)} and rows {@code [y0, y1)}. */
    private static boolean drawn(DigitSegmenter.Piece digit, int x0, int x1, int y0, int y1) {
        for (int y = Math.max(y0, digit.top()); y < Math.min(y1, digit.top() + digit.height()); y++) {
            for (int x = Math.max(x0, digit.left()); x < Math.min(x1, digit.left() + digit.width()); x++) {
                if (digit.ink().at(x - digit.left(), y - digit.top()) > DRAWN) {
                    return true;
                }
            }
        }
        return false;
    }
}
