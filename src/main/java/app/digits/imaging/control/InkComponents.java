package app.digits.imaging.control;

import java.util.ArrayList;
import java.util.List;

/**
 * The connected pieces of ink of a drawing (8-connected pixels holding any ink), each with its bounding box
 * and pixels. Both the contrast clean-up (specks are pieces far smaller than the drawing) and the number
 * segmenter (a digit is one or a few pieces) reason about pieces, so they are found once, here, with flat
 * arrays: a 4-megapixel upload has millions of ink pixels.
 */
record InkComponents(int width, List<Component> all) {

    /** One piece: its pixels as indices {@code y * width + x} and its bounding box. */
    record Component(int[] pixels, int left, int top, int right, int bottom) {

        int width() {
            return right - left + 1;
        }

        int height() {
            return bottom - top + 1;
        }

        int extent() {
            return Math.max(width(), height());
        }
    }

    /** The pieces of pixels whose ink is above {@code level}. */
    static InkComponents of(float[] ink, int width, int height, float level) {
        var unlabelled = new boolean[ink.length];
        for (int i = 0; i < ink.length; i++) {
            unlabelled[i] = ink[i] > level;
        }
        var stack = new int[ink.length];
        var components = new ArrayList<Component>();
        for (int start = 0; start < ink.length; start++) {
            if (!unlabelled[start]) {
                continue;
            }
            int size = 0;
            int top = 0;
            stack[top++] = start;
            unlabelled[start] = false;
            int left = width;
            int right = -1;
            int upper = height;
            int lower = -1;
            while (top > 0) {
                int i = stack[--top];
                stack[ink.length - 1 - size++] = i;
                int y = i / width;
                int x = i - y * width;
                left = Math.min(left, x);
                right = Math.max(right, x);
                upper = Math.min(upper, y);
                lower = Math.max(lower, y);
                int from = x > 0 ? -1 : 0;
                int to = x < width - 1 ? 1 : 0;
                for (int row = (y > 0 ? y - 1 : y) * width, last = (y < height - 1 ? y + 1 : y) * width; row <= last; row += width) {
                    for (int j = row + x + from; j <= row + x + to; j++) {
                        if (unlabelled[j]) {
                            unlabelled[j] = false;
                            stack[top++] = j;
                        }
                    }
                }
            }
            var pixels = new int[size];
            System.arraycopy(stack, ink.length - size, pixels, 0, size);
            components.add(new Component(pixels, left, upper, right, lower));
        }
        return new InkComponents(width, components);
    }

    /** The largest extent (longer side of the box) of any piece, 0 when there is no ink. */
    int largestExtent() {
        return all.stream().mapToInt(Component::extent).max().orElse(0);
    }
}
