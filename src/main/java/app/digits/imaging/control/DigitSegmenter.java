package app.digits.imaging.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a drawing of a whole number (a postal code, an amount) into one ink map per digit, left to right, by
 * asking the model rather than guessing from shapes. Small marks (dots, commas, dashes: pieces much lower
 * than the digits that stand under no digit) are dropped first. Then every way of cutting the line along the
 * candidate {@link CutPaths} is weighed at once (dynamic programming over the paths): each stretch between
 * two paths is normalized like a single digit and read, it earns the model's sureness (as log-odds) less what
 * a well-cut digit reaches and what its shape says against it (too low, or too wide for one digit when cut out
 * of touching ink), every stroke a cut goes through costs (more when the ink stands alone and is no wider than
 * one digit), and the best total wins. The search runs on the line
 * shrunk to a fixed height; only the chosen pieces are cut from the drawing itself. So touching digits
 * are cut where the model sees two good digits, a wide 0 stays whole, and a 5 whose bar stands apart or a 4
 * drawn in two strokes is read as one digit when it reads better so.
 */
public final class DigitSegmenter {

    /** How sure a model is that a 28x28 MNIST-like image (0 background, 255 ink) shows a digit, 0 to 1. */
    @FunctionalInterface
    public interface Sureness {
        double of(byte[] pixels);

        /** The sureness of several images, in their order: one at a time unless the reader has a batched pass. */
        default double[] of(List<byte[]> images) {
            var sureness = new double[images.size()];
            for (int i = 0; i < sureness.length; i++) {
                sureness[i] = of(images.get(i));
            }
            return sureness;
        }
    }

    /** A digit's ink (only its own strokes, in a crop of the drawing) and where it stood in the drawing. */
    public record Piece(InkMap ink, int left, int top, int width, int height) {
    }

    private static final float INK = 0.1f;
    /** A mark lower than this share of the tallest piece, standing under no digit, is not a digit. */
    private static final double MARK = 0.4;
    /** A digit is at least this share of the line's height... */
    private static final double SHORTEST = 0.45;
    /** ...and at most this many times as wide as the line is high. */
    private static final double WIDEST = 1.05;
    /** A piece wider than this share of the line's height may be two touching digits. */
    private static final double SPLITTABLE = 0.7;
    /**
     * Digits in a line are about as high as the line and seldom wider than 0.8 of it: a piece lower than
     * {@code SHORT} of the line's height, or cut out of touching ink and wider than {@code WIDE}, costs {@code SHAPE_COST} log-odds per line
     * height beyond. Without it a model sure of two squeezed digits as one ("41" read as a 4, "12" as a 2) kept
     * them whole, and slivers of a slanted 7 were read as 1s. A digit standing alone is never too wide: MNIST's
     * wide 7s, 0s and 2s were cut in two.
     */
    private static final double SHORT = 0.7;
    private static final double WIDE = 0.8;
    private static final double SHAPE_COST = 20;
    /** Log-odds beyond which a model's sureness says no more (0.99995). */
    private static final double SURE = 10;
    /**
     * The log-odds a well-cut digit is expected to reach (0.9997): a piece is worth cutting out only when the
     * model is about that sure of it, so sure slivers do not multiply and an unsure blob of two digits is cut.
     */
    private static final double EXPECTED = 8;
    /**
     * The most a stretch can add to a cutting ({@link #scores}): a stretch that could not lift a cutting above
     * the best one found so far is not cut out nor read, which leaves the best cutting as it is.
     */
    private static final double BEST_SCORE = SURE - EXPECTED;
    /** What a stretch that cannot be one digit costs, in log-odds: far worse than any reading. */
    private static final double IMPOSSIBLE = 50;
    /**
     * What cutting through a stroke costs, in log-odds: a model's sureness about slivers is no reason to cut,
     * but touching digits are joined by strokes (at 2, two sure digits cut apart scored no better than the
     * pair read as one).
     */
    private static final double STROKE_CUT = 0.5;
    /**
     * What a cut through a lone digit costs on top, in log-odds: through ink that stands alone and is no wider
     * than a digit may be ({@code WIDEST}). With the touching-digits detector weighing pieces, a wide lone 9 or 8
     * it takes for two digits was cut in two ("9" read as "57") in numbers whose digits stand apart.
     */
    private static final double LONE_CUT = 2;
    /**
     * The line's height, in pixels, at which cuttings are searched: a larger drawing is shrunk to it first
     * (normalizing a piece costs in proportion to its pixels, and each number reads hundreds of pieces), and
     * only the pieces of the best cutting are cut from the drawing itself.
     */
    private static final int SEARCH_HEIGHT = 96;
    /**
     * The same for {@link #segmentUnlessOneDigit}: the refusal judge asks only whether a single-digit drawing holds
     * two digit-like marks apart, on the drawings its detector does not find digit-like as a whole and that are not
     * one narrow piece (before it looked at the whole first, two canvases in three). At 48 its
     * verdicts on every rejection and robustness set were those at 96, drawing for drawing, and a canvas PNG's
     * look cost 2.3 ms instead of 3.4 (RejectionBench and a loop over canvas PNGs, 2026-11-27; at 40 the same
     * verdicts too, but the evidence moved enough for the calibration to choose another threshold).
     */
    private static final int JUDGE_SEARCH_HEIGHT = 48;
    /** Parts of a stretch holding less than this share of its ink are slivers of the neighbouring digit. */
    private static final double SLIVER = 0.05;
    /**
     * How many stretches ending at a path are read first, in one batch, those after the best cuttings before
     * them: with the best ones' readings known, most of the others cannot lift the cutting and are not read; the
     * rest are read in a second batch. A batched pass of the CNN costs about a third of single passes per image.
     */
    private static final int FIRST_READS = 4;

    private DigitSegmenter() {
    }

    /**
     * Whether {@link #segment} can only find one digit here, without reading anything: one piece of ink no
     * wider than a digit may be, so there is no gap to cut at and no column worth cutting through. The refusal
     * judge asks this first: most single digits are so, and segmenting one costs far more than this look.
     */
    public static boolean isOneDigit(InkMap map) {
        return isOneDigit(InkComponents.of(map.ink(), map.width(), map.height(), INK));
    }

    private static boolean isOneDigit(InkComponents components) {
        var all = components.all();
        return all.size() == 1 && all.getFirst().width() <= SPLITTABLE * all.getFirst().height();
    }

    public static List<Piece> segment(InkMap map, Sureness sureness) {
        return segment(map, InkComponents.of(map.ink(), map.width(), map.height(), INK), sureness, SEARCH_HEIGHT, true);
    }

    /**
     * The pieces {@link #segment} finds, cuttings searched on the line at most {@value #JUDGE_SEARCH_HEIGHT}
     * pixels high and without slanted cuts, or none when {@link #isOneDigit} already says there is one digit and
     * nothing to cut: the refusal judge's question, with the drawing's pieces of ink found once for both. The judge
     * asks how many digits a single-digit pad holds, not how to cut them, and its rules were calibrated on these
     * cuttings; at 48 px a slanted cut gave a touching 1 a slice of the 0 before it.
     */
    public static List<Piece> segmentUnlessOneDigit(InkMap map, Sureness sureness) {
        var components = InkComponents.of(map.ink(), map.width(), map.height(), INK);
        return isOneDigit(components) ? List.of() : segment(map, components, sureness, JUDGE_SEARCH_HEIGHT, false);
    }

    private static List<Piece> segment(InkMap map, InkComponents components, Sureness sureness, int searchHeight,
                                       boolean slanted) {
        int lineHeight = components.all().stream().mapToInt(InkComponents.Component::height).max().orElse(0);
        var digits = withoutMarks(map, components, lineHeight);
        if (lineHeight == 0 || isBlank(digits)) {
            return List.of();
        }
        double scale = Math.max(1, (double) lineHeight / searchHeight);
        var small = scale == 1 ? digits : shrunk(digits, scale);
        var smallComponents = scale == 1 ? components : InkComponents.of(small.ink(), small.width(), small.height(), INK);
        int top = components.all().stream().mapToInt(InkComponents.Component::top).min().orElse(0);
        int bottom = components.all().stream().mapToInt(InkComponents.Component::bottom).max().orElse(-1);
        var result = new ArrayList<Piece>();
        for (var found : search(small, smallComponents, sureness, slanted)) {
            var piece = stretch(digits, full(found.left(), found.first() ? 0 : -1, scale, found.top(), top, bottom),
                    full(found.right(), found.last() ? digits.width() : -1, scale, found.top(), top, bottom), top);
            if (piece != null) {
                result.add(piece);
            }
        }
        return result;
    }

    /**
     * What each piece of a cutting of {@code line} adds to it, in log-odds, weighed as the search weighs a stretch
     * (pieces of several are taken as cut out of touching ink): so a benchmark can tell whether another cutting,
     * such as the right one, would have won had the candidate paths reached it. Pieces are in the line's pixels.
     */
    public static double[] worth(InkMap line, List<Piece> pieces, Sureness sureness) {
        int lineHeight = InkComponents.of(line.ink(), line.width(), line.height(), INK).all().stream()
                .mapToInt(InkComponents.Component::height).max().orElse(0);
        return scores(pieces.stream().map(piece -> Stretch.of(piece, pieces.size() > 1, lineHeight)).toList(), sureness);
    }

    /** A cut path found on the shrunk drawing, per row of the full one; {@code edge} instead when not negative. */
    private static int[] full(int[] found, int edge, double scale, int foundTop, int top, int bottom) {
        var path = new int[bottom - top + 1];
        for (int r = 0; r < path.length; r++) {
            int row = Math.clamp((int) ((top + r) / scale) - foundTop, 0, found.length - 1);
            path[r] = edge >= 0 ? edge : (int) Math.round(found[row] * scale);
        }
        return path;
    }

    /**
     * A stretch of ink the best cutting reads as one digit: the paths left and right of it (per row from
     * {@code top}), and whether they are the first and last paths, left and right of all the ink.
     */
    private record Found(int[] left, int[] right, int top, boolean first, boolean last) {
    }

    /**
     * The digits' stretches of the best cutting, left to right: dynamic programming over the candidate paths,
     * each stretch between two of them read as one digit; stretches without ink are left out.
     */
    private static List<Found> search(InkMap digits, InkComponents components, Sureness sureness, boolean slanted) {
        int lineHeight = components.all().stream().mapToInt(InkComponents.Component::height).max().orElse(0);
        int top = components.all().stream().mapToInt(InkComponents.Component::top).min().orElse(0);
        int bottom = components.all().stream().mapToInt(InkComponents.Component::bottom).max().orElse(-1);
        var covering = covering(components, digits.width());
        var cuts = CutPaths.of(digits, top, bottom, lineHeight, columns(components, covering, SPLITTABLE, lineHeight),
                slanted ? columns(components, covering, WIDEST, lineHeight) : new boolean[covering.length]);
        int n = cuts.size();
        var lone = loneDigits(components, covering, digits, lineHeight);
        var cutCost = new double[n];
        for (int j = 0; j < n; j++) {
            cutCost[j] = STROKE_CUT * cuts.get(j).strokes() + (throughLoneDigit(cuts.get(j).path(), top, lone, digits.width()) ? LONE_CUT : 0);
        }
        var best = new double[n];
        var from = new int[n];
        var inked = new boolean[n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int j = 1; j < n; j++) {
            var cut = cuts.get(j);
            var starts = new ArrayList<Integer>();
            for (int i = j - 1; i >= 0 && (i == j - 1 || cut.path()[0] - cuts.get(i).path()[0] <= 2 * WIDEST * lineHeight); i--) {
                starts.add(i);
                if (cuts.get(i).clear()) {
                    break;
                }
            }
            starts.sort(Comparator.comparingDouble(i -> -best[i]));
            for (var batch : List.of(starts.subList(0, Math.min(FIRST_READS, starts.size())),
                    starts.subList(Math.min(FIRST_READS, starts.size()), starts.size()))) {
                int end = j;
                var worth = batch.stream().filter(i -> best[i] + BEST_SCORE - cutCost[end] > best[end]).toList();
                var stretches = worth.stream().map(i -> Stretch.of(stretch(digits, cuts.get(i).path(), cut.path(), top),
                        cuts.get(i).strokes() > 0 || cut.strokes() > 0, lineHeight)).toList();
                var scores = scores(stretches, sureness);
                for (int k = 0; k < worth.size(); k++) {
                    double total = best[worth.get(k)] + scores[k] - cutCost[j];
                    if (total > best[j]) {
                        best[j] = total;
                        from[j] = worth.get(k);
                        inked[j] = stretches.get(k).piece() != null;
                    }
                }
            }
        }
        var found = new ArrayList<Found>();
        for (int j = n - 1; j > 0; j = from[j]) {
            if (inked[j]) {
                found.addFirst(new Found(cuts.get(from[j]).path(), cuts.get(j).path(), top, from[j] == 0, j == n - 1));
            }
        }
        return found;
    }

    /**
     * Per pixel, whether it belongs to a piece of ink that stands alone (no other piece over its columns) and is
     * no wider than one digit may be: most likely one digit, which a cut through it splits.
     */
    private static boolean[] loneDigits(InkComponents components, int[] covering, InkMap map, int lineHeight) {
        var lone = new boolean[map.ink().length];
        for (var component : components.all()) {
            boolean alone = component.width() <= WIDEST * lineHeight;
            for (int x = component.left(); x <= component.right() && alone; x++) {
                alone = covering[x] == 1;
            }
            if (alone) {
                for (int i : component.pixels()) {
                    lone[i] = true;
                }
            }
        }
        return lone;
    }

    /** Whether the path runs through a pixel of a lone digit ({@link #loneDigits}). */
    private static boolean throughLoneDigit(int[] path, int top, boolean[] lone, int width) {
        for (int r = 0; r < path.length; r++) {
            if (path[r] < width && lone[(top + r) * width + path[r]]) {
                return true;
            }
        }
        return false;
    }

    /** The drawing made {@code scale} times smaller, ink averaged over the area each pixel covers. */
    private static InkMap shrunk(InkMap map, double scale) {
        int width = Math.max(1, (int) Math.ceil(map.width() / scale));
        int height = Math.max(1, (int) Math.ceil(map.height() / scale));
        return new InkMap(width, height, MnistNormalizer.resample(map.ink(), map.width(), map.height(), width, height));
    }

    /**
     * The columns within a piece of ink wider than {@code widest} line heights, or where two pieces stand over
     * each other: with {@code SPLITTABLE}, where a cut through ink is worth trying (the piece may be two digits);
     * with {@code WIDEST}, where two digits must touch, so where a slanted cut is worth trying too.
     */
    private static boolean[] columns(InkComponents components, int[] covering, double widest, int lineHeight) {
        var columns = new boolean[covering.length];
        for (var component : components.all()) {
            for (int x = component.left(); x <= component.right(); x++) {
                columns[x] |= covering[x] > 1 || component.width() > widest * lineHeight;
            }
        }
        return columns;
    }

    /** How many pieces of ink stand over each column. */
    private static int[] covering(InkComponents components, int width) {
        var covering = new int[width];
        for (var component : components.all()) {
            for (int x = component.left(); x <= component.right(); x++) {
                covering[x]++;
            }
        }
        return covering;
    }

    /** The drawing with only the digits' ink: marks lower than a digit that stand under none are left out. */
    private static InkMap withoutMarks(InkMap map, InkComponents components, int lineHeight) {
        var tall = components.all().stream().filter(c -> c.height() >= MARK * lineHeight).toList();
        var ink = new float[map.ink().length];
        for (var component : components.all()) {
            boolean underDigit = tall.stream().anyMatch(digit -> digit != component
                    && Math.min(digit.right(), component.right()) - Math.max(digit.left(), component.left()) + 1 >= component.width() / 2.0);
            if (component.height() >= MARK * lineHeight || underDigit) {
                for (int i : component.pixels()) {
                    ink[i] = map.ink()[i];
                }
            }
        }
        return new InkMap(map.width(), map.height(), ink);
    }

    private static boolean isBlank(InkMap map) {
        for (float value : map.ink()) {
            if (value > INK) {
                return false;
            }
        }
        return true;
    }

    /** The ink between two paths, without slivers cut off a neighbour; null when there is none. */
    private static Piece stretch(InkMap line, int[] leftPath, int[] rightPath, int top) {
        int left = Integer.MAX_VALUE;
        int right = -1;
        for (int r = 0; r < leftPath.length; r++) {
            left = Math.min(left, leftPath[r]);
            right = Math.max(right, rightPath[r] - 1);
        }
        left = Math.max(0, left);
        right = Math.min(line.width() - 1, right);
        if (right < left) {
            return null;
        }
        int width = right - left + 1;
        var ink = new float[width * leftPath.length];
        for (int r = 0; r < leftPath.length; r++) {
            for (int x = Math.max(left, leftPath[r]); x < Math.min(right + 1, rightPath[r]); x++) {
                ink[r * width + x - left] = line.at(x, top + r);
            }
        }
        var parts = InkComponents.of(ink, width, leftPath.length, INK);
        int total = parts.all().stream().mapToInt(c -> c.pixels().length).sum();
        var kept = parts.all().stream().filter(c -> c.pixels().length >= SLIVER * total).toList();
        if (kept.isEmpty()) {
            return null;
        }
        int boxLeft = kept.stream().mapToInt(InkComponents.Component::left).min().orElseThrow();
        int boxTop = kept.stream().mapToInt(InkComponents.Component::top).min().orElseThrow();
        int boxRight = kept.stream().mapToInt(InkComponents.Component::right).max().orElseThrow();
        int boxBottom = kept.stream().mapToInt(InkComponents.Component::bottom).max().orElseThrow();
        int boxWidth = boxRight - boxLeft + 1;
        var own = new float[boxWidth * (boxBottom - boxTop + 1)];
        for (var part : kept) {
            for (int i : part.pixels()) {
                own[(i / width - boxTop) * boxWidth + i % width - boxLeft] = ink[i];
            }
        }
        return new Piece(new InkMap(boxWidth, boxBottom - boxTop + 1, own), left + boxLeft, top + boxTop, boxWidth,
                boxBottom - boxTop + 1);
    }

    /**
     * A stretch of a cutting on its way to being weighed: its piece, and either what it adds to a cutting
     * already ({@code known}: nothing for an empty stretch, {@code -IMPOSSIBLE} for one no digit can be) or the
     * 28x28 image the model must read and what its shape costs.
     */
    private record Stretch(Piece piece, double known, byte[] pixels, double shape) {

        static Stretch of(Piece piece, boolean cutOut, int lineHeight) {
            if (piece == null) {
                return new Stretch(null, 0, null, 0);
            }
            if (piece.height() < SHORTEST * lineHeight || piece.width() > WIDEST * lineHeight) {
                return new Stretch(piece, -IMPOSSIBLE, null, 0);
            }
            double shape = SHAPE_COST * (Math.max(0, SHORT * lineHeight - piece.height())
                    + (cutOut ? Math.max(0, piece.width() - WIDE * lineHeight) : 0)) / lineHeight;
            return MnistNormalizer.normalize(piece.ink()).map(pixels -> new Stretch(piece, 0, pixels, shape))
                    .orElse(new Stretch(piece, -IMPOSSIBLE, null, 0));
        }
    }

    /**
     * What each stretch adds to a cutting: how sure the model is that it is one digit, as log-odds within
     * ±{@value #SURE}, less what a digit is expected to bring and what its shape costs; the images to read are
     * read in one batch.
     */
    private static double[] scores(List<Stretch> stretches, Sureness sureness) {
        var toRead = stretches.stream().filter(stretch -> stretch.pixels() != null).map(Stretch::pixels).toList();
        var read = toRead.isEmpty() ? new double[0] : sureness.of(toRead);
        var scores = new double[stretches.size()];
        int next = 0;
        for (int k = 0; k < scores.length; k++) {
            var stretch = stretches.get(k);
            if (stretch.pixels() == null) {
                scores[k] = stretch.known();
            } else {
                double p = read[next++];
                scores[k] = Math.clamp(Math.log(p / (1 - p)), -SURE, SURE) - EXPECTED - stretch.shape();
            }
        }
        return scores;
    }
}
