package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The training images people's accepted corrections give, and the rule for numbers. A corrected digit is one
 * image with its label. A corrected number can only teach digits through the pieces the segmentation cut it
 * into, and only when it cut as many pieces as the corrected number has digits: then piece {@code i} is digit
 * {@code i}. Otherwise nobody knows which piece is which digit (two digits read as one, one cut in two), so
 * the number is skipped, and counted so the run can say how many were.
 */
public final class CorrectedImages {

    private final List<LabelledImage> images = new ArrayList<>();
    private int numbersSkipped;

    /** Adds a corrected single digit. */
    public void addDigit(int label, byte[] pixels) {
        images.add(new LabelledImage(label, pixels));
    }

    /**
     * Adds the pieces of a corrected number, left to right, each labelled with its digit of {@code number},
     * when there are exactly as many pieces as digits; skips (and counts) the number otherwise. Answers whether
     * it was added.
     */
    public boolean addNumber(String number, List<byte[]> pieces) {
        if (!trainable(number, pieces.size())) {
            numbersSkipped++;
            return false;
        }
        for (int i = 0; i < pieces.size(); i++) {
            images.add(new LabelledImage(number.charAt(i) - '0', pieces.get(i)));
        }
        return true;
    }

    /** Whether a number corrected to {@code number} and cut into {@code pieces} pieces can teach its digits. */
    public static boolean trainable(String number, int pieces) {
        return number.matches("[0-9]+") && pieces == number.length();
    }

    /** The images gathered so far, in the order they were added. */
    public List<LabelledImage> images() {
        return List.copyOf(images);
    }

    /** How many corrected numbers were skipped because the segmentation cut them into a different count of pieces. */
    public int numbersSkipped() {
        return numbersSkipped;
    }
}
