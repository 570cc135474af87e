package app.digits.imaging.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a line of digits might be cut between two digits: one path from the top of the ink to its bottom for
 * every place where little ink stands in the columns (a gap between digits, or the thin joint where two
 * digits touch), and one every tenth of the line's height between them, for digits that touch along a stroke
 * or overlap. A path may lean up to three pixels per row and wander a quarter of the line's height from its
 * column, so it can follow a slanted gap or slip between digits whose boxes overlap (a 1 leaning into the 4
 * before it), crossing as little ink as it can; paths that come out the same are offered once. Where two digits
 * must touch (ink wider than one digit may be, or two pieces over the same columns), each such path has a slanted
 * twin that follows a line leaning as handwriting leans, for the digits whose strokes run parallel to their
 * neighbour's (a slanted 1 beside a 4 or a 7) and which no path near the vertical gets between. Which of the
 * paths are real cuts is decided by recognition, not here: this class only offers candidates, few enough to try
 * them all.
 */
final class CutPaths {

    private static final float INK = 0.1f;
    private static final float STROKE = 0.5f;
    /** How far apart two candidates must be, as a share of the line's height. */
    private static final double SPACING = 0.1;
    /** How close to the line's ends a path may start, as a share of its height: a narrow 1 is about so wide. */
    private static final double EDGE = 0.075;
    /**
     * How far a path may wander from its column, as a share of the line's height, and how many columns it may
     * lean per row: enough to follow a slanted digit that leans into its neighbour's box.
     */
    private static final double REACH = 0.25;
    private static final int LEAN = 3;
    private static final double LEAN_COST = 0.2;
    /** What a row of ink costs a path already in it, against 1 for entering a stroke. */
    private static final double ALONG_INK = 0.1;
    /** A gap of empty columns this wide, as a share of the line's height, always separates two digits. */
    private static final double CLEAR_GAP = 0.3;
    /**
     * The slanted twins: their line leans this many columns right per row up (chosen among 0.2 to 0.75), and
     * they wander this share of the line's height from it; a twin crossing more strokes than {@code SLANTED_STROKES}
     * is not offered. Measured on 150 touching numbers of seeds 1 and 2 (the served CNN): 115 and 115 read
     * exactly without the twins, 122 and 124 with them; two slopes (0.3 and 0.6) or straight slanted lines read no
     * more for more pieces, and twins crossing two strokes cut digits into slivers.
     */
    private static final double SLANT = 0.4;
    private static final double SLANT_REACH = 0.12;
    private static final int SLANTED_STROKES = 1;

    private CutPaths() {
    }

    /**
     * A candidate cut: per row from the ink's top, the first column right of it, how many strokes it
     * crosses (a gap none, the joint of two touching digits one, a cut through a 0 two), and whether it runs
     * through a gap so wide that no digit spans it (two marks that far apart are never read as one digit).
     */
    record Cut(int[] path, int strokes, boolean clear) {
    }

    /**
     * The candidate cuts, left to right (by their mean column), starting with one left of all the ink and ending
     * with one right of it; cuts through ink start only in the {@code cuttable} columns, slanted twins only in the
     * {@code slantable} ones.
     */
    static List<Cut> of(InkMap line, int top, int bottom, int lineHeight, boolean[] cuttable, boolean[] slantable) {
        var projection = new int[line.width()];
        int left = line.width();
        int right = -1;
        for (int y = top; y <= bottom; y++) {
            for (int x = 0; x < line.width(); x++) {
                if (line.at(x, y) > INK) {
                    projection[x]++;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        int spacing = (int) Math.max(1, SPACING * lineHeight);
        int edge = (int) Math.max(1, EDGE * lineHeight);
        int reach = (int) Math.max(1, REACH * lineHeight);
        var centres = new TreeSet<Integer>();
        for (int x : minima(projection, left, right, spacing)) {
            if (x - left >= edge && right + 1 - x >= edge && (projection[x] == 0 || cuttable[x])) {
                centres.add(x);
            }
        }
        for (int x = left + edge; x <= right + 1 - edge; x += spacing) {
            if (projection[x] > 0 && cuttable[x]) {
                centres.add(x);
            }
        }
        var inner = new ArrayList<Cut>();
        int clearGap = (int) Math.ceil(CLEAR_GAP * lineHeight);
        int slantReach = (int) Math.max(1, SLANT_REACH * lineHeight);
        for (int x : centres) {
            offer(inner, path(line, x, top, bottom, reach, 0), line, top, emptyRun(projection, x) >= clearGap);
            if (projection[x] > 0 && slantable[x]) {
                var twin = path(line, x, top, bottom, slantReach, SLANT);
                if (strokes(line, twin, top) <= SLANTED_STROKES) {
                    offer(inner, twin, line, top, false);
                }
            }
        }
        inner.sort(Comparator.comparingDouble(cut -> meanColumn(cut.path())));
        var cuts = new ArrayList<Cut>();
        cuts.add(new Cut(straight(left, top, bottom), 0, true));
        cuts.addAll(inner);
        cuts.add(new Cut(straight(right + 1, top, bottom), 0, true));
        return cuts;
    }

    /** Adds the path unless the same one is already offered. */
    private static void offer(List<Cut> cuts, int[] path, InkMap line, int top, boolean clear) {
        if (cuts.stream().noneMatch(cut -> Arrays.equals(cut.path(), path))) {
            cuts.add(new Cut(path, strokes(line, path, top), clear));
        }
    }

    private static double meanColumn(int[] path) {
        return Arrays.stream(path).average().orElse(0);
    }

    private static int strokes(InkMap line, int[] path, int top) {
        int strokes = 0;
        boolean inStroke = false;
        for (int r = 0; r < path.length; r++) {
            boolean ink = line.at(path[r], top + r) > STROKE;
            strokes += ink && !inStroke ? 1 : 0;
            inStroke = ink;
        }
        return strokes;
    }

    /** Columns holding no more ink than any column within {@code radius}; of a flat run, its middle. */
    private static List<Integer> minima(int[] projection, int left, int right, int radius) {
        var minima = new ArrayList<Integer>();
        int x = left + 1;
        while (x < right) {
            int run = x;
            while (run + 1 < right && projection[run + 1] == projection[x]) {
                run++;
            }
            boolean lowest = true;
            for (int k = Math.max(left, x - radius); k <= Math.min(right, run + radius) && lowest; k++) {
                lowest = projection[k] >= projection[x];
            }
            if (lowest) {
                minima.add((x + run) / 2);
            }
            x = run + 1;
        }
        return minima;
    }

    /** How many empty columns stand together around column {@code x} (0 when it holds ink). */
    private static int emptyRun(int[] projection, int x) {
        if (projection[x] > 0) {
            return 0;
        }
        int from = x;
        int to = x;
        while (from > 0 && projection[from - 1] == 0) {
            from--;
        }
        while (to < projection.length - 1 && projection[to + 1] == 0) {
            to++;
        }
        return to - from + 1;
    }

    private static int[] straight(int x, int top, int bottom) {
        var path = new int[bottom - top + 1];
        Arrays.fill(path, x);
        return path;
    }

    /**
     * The path from top to bottom within {@code reach} of a line through column {@code centre} at mid-height,
     * leaning {@code slope} columns right per row up (0: the column itself), that enters the fewest strokes
     * (running along a stroke where two digits touch costs little; entering one costs a whole stroke).
     */
    private static int[] path(InkMap line, int centre, int top, int bottom, int reach, double slope) {
        int rows = bottom - top + 1;
        int span = 2 * reach + 1;
        var cost = new double[rows * span];
        var step = new int[rows * span];
        for (int r = 0; r < rows; r++) {
            int from = axis(centre, slope, r, rows) - reach;
            int previousFrom = axis(centre, slope, r - 1, rows) - reach;
            for (int c = 0; c < span; c++) {
                int x = from + c;
                if (x < 0 || x >= line.width()) {
                    cost[r * span + c] = Double.MAX_VALUE;
                    continue;
                }
                float ink = line.at(x, top + r);
                double own = ALONG_INK * ink + LEAN_COST * Math.abs(c - reach) / reach;
                if (r == 0) {
                    cost[c] = own + ink;
                    continue;
                }
                double best = Double.MAX_VALUE;
                for (int d = -LEAN; d <= LEAN; d++) {
                    int previous = x + d - previousFrom;
                    if (previous >= 0 && previous < span && cost[(r - 1) * span + previous] < Double.MAX_VALUE) {
                        double entering = Math.max(0, ink - line.at(x + d, top + r - 1));
                        if (cost[(r - 1) * span + previous] + entering < best) {
                            best = cost[(r - 1) * span + previous] + entering;
                            step[r * span + c] = previous;
                        }
                    }
                }
                cost[r * span + c] = best == Double.MAX_VALUE ? best : best + own;
            }
        }
        int c = 0;
        for (int k = 1; k < span; k++) {
            if (cost[(rows - 1) * span + k] < cost[(rows - 1) * span + c]) {
                c = k;
            }
        }
        var path = new int[rows];
        for (int r = rows - 1; r >= 0; r--) {
            path[r] = axis(centre, slope, r, rows) - reach + c;
            c = step[r * span + c];
        }
        return path;
    }

    /** The column of the path's line in row {@code r} of {@code rows}. */
    private static int axis(int centre, double slope, int r, int rows) {
        return (int) Math.round(centre - slope * (r - rows / 2));
    }
}
