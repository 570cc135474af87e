package app.digits.imaging.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a drawing of a whole number (a postal code, an amount) into one ink map per digit, left to right.
 * Digits are the connected components of the ink; pieces of one digit drawn in several strokes (the bar of
 * a 5, the two strokes of a 4) are merged when they stand over the same columns; and a component too wide
 * for one digit, where digits touch, is cut into as many as its width suggests, each cut at the thinnest
 * column near where it is expected. Specks too small to be part of a digit are dropped.
 */
public final class DigitSegmenter {

    private static final float INK = 0.1f;
    private static final double OVERLAP_TO_MERGE = 0.5;
    private static final double DIGIT_ASPECT = 0.7;
    private static final double CUT_WINDOW = 0.12;
    private static final double SPECK = 0.02;

    private DigitSegmenter() {
    }

    /** A digit's ink (only its own strokes, in a crop of the drawing) and where it stood in the drawing. */
    public record Piece(InkMap ink, int left, int top, int width, int height) {
    }

    private static final class Group {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = -1;
        int bottom = -1;
        final List<int[]> pixels = new ArrayList<>();

        void add(int x, int y) {
            pixels.add(new int[] {x, y});
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
        }

        void absorb(Group other) {
            other.pixels.forEach(p -> add(p[0], p[1]));
        }

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }
    }

    public static List<Piece> segment(InkMap map) {
        var groups = components(map);
        int largest = groups.stream().mapToInt(g -> Math.max(g.width(), g.height())).max().orElse(0);
        groups.removeIf(g -> Math.max(g.width(), g.height()) < SPECK * Math.max(map.width(), map.height())
                && Math.max(g.width(), g.height()) < largest / 4);
        groups = mergeStacked(groups);
        var digits = new ArrayList<Group>();
        groups.forEach(group -> splitWide(group, digits));
        digits.sort(Comparator.comparingInt(g -> g.left));
        return digits.stream().map(group -> piece(map, group)).toList();
    }

    private static List<Group> components(InkMap map) {
        int width = map.width();
        int height = map.height();
        var seen = new boolean[width * height];
        var groups = new ArrayList<Group>();
        var queue = new ArrayDeque<int[]>();
        for (int start = 0; start < seen.length; start++) {
            if (seen[start] || map.ink()[start] <= INK) {
                continue;
            }
            var group = new Group();
            seen[start] = true;
            queue.add(new int[] {start % width, start / width});
            while (!queue.isEmpty()) {
                var p = queue.poll();
                group.add(p[0], p[1]);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = p[0] + dx;
                        int y = p[1] + dy;
                        if (x >= 0 && y >= 0 && x < width && y < height) {
                            int i = y * width + x;
                            if (!seen[i] && map.ink()[i] > INK) {
                                seen[i] = true;
                                queue.add(new int[] {x, y});
                            }
                        }
                    }
                }
            }
            groups.add(group);
        }
        return groups;
    }

    /** Merges groups standing over the same columns: strokes of one digit, not neighbours. */
    private static List<Group> mergeStacked(List<Group> groups) {
        var sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparingInt(g -> g.left));
        var merged = new ArrayList<Group>();
        for (var group : sorted) {
            var previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && overlap(previous, group) >= OVERLAP_TO_MERGE * Math.min(previous.width(), group.width())) {
                previous.absorb(group);
            } else {
                merged.add(group);
            }
        }
        return merged;
    }

    private static int overlap(Group a, Group b) {
        return Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left) + 1);
    }

    /**
     * Cuts a group too wide for one digit into as many digits as its width suggests (a digit is taken to be
     * about 0.7 times as wide as it is tall: a single digit up to about as wide as tall stays whole), each cut at the thinnest column near where it is expected.
     */
    private static void splitWide(Group group, List<Group> out) {
        int count = (int) Math.round(group.width() / (DIGIT_ASPECT * group.height()));
        if (count < 2) {
            out.add(group);
            return;
        }
        var columnInk = new int[group.width()];
        group.pixels.forEach(p -> columnInk[p[0] - group.left]++);
        var cuts = new int[count + 1];
        cuts[count] = group.width();
        int window = (int) Math.max(1, CUT_WINDOW * group.width());
        for (int i = 1; i < count; i++) {
            int expected = i * group.width() / count;
            int best = expected;
            for (int x = Math.max(cuts[i - 1] + 1, expected - window); x <= Math.min(group.width() - 1, expected + window); x++) {
                if (columnInk[x] < columnInk[best]) {
                    best = x;
                }
            }
            cuts[i] = best;
        }
        var parts = new ArrayList<Group>();
        for (int i = 0; i < count; i++) {
            parts.add(new Group());
        }
        for (var p : group.pixels) {
            int column = p[0] - group.left;
            int part = 0;
            while (part < count - 1 && column >= cuts[part + 1]) {
                part++;
            }
            parts.get(part).add(p[0], p[1]);
        }
        parts.stream().filter(part -> !part.pixels.isEmpty()).forEach(out::add);
    }

    private static Piece piece(InkMap map, Group group) {
        var ink = new float[group.width() * group.height()];
        for (var p : group.pixels) {
            ink[(p[1] - group.top) * group.width() + (p[0] - group.left)] = map.at(p[0], p[1]);
        }
        return new Piece(new InkMap(group.width(), group.height(), ink), group.left, group.top, group.width(), group.height());
    }
}
