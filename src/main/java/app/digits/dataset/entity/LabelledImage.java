package app.digits.dataset.entity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One 28x28 grey-level digit (0 = background, 255 = ink, row-major) and its label: the unit the importers
 * produce and the trainers consume, independent of where it is stored.
 */
public record LabelledImage(int label, byte[] pixels) {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    public LabelledImage {
        if (label < 0 || label > 9) {
            throw new IllegalArgumentException("A label is a digit from 0 to 9, got " + label);
        }
        if (pixels.length != PIXELS) {
            throw new IllegalArgumentException("Expected " + PIXELS + " pixels, got " + pixels.length);
        }
    }

    /** Grey level of pixel {@code i} as 0-255. */
    public int pixel(int i) {
        return pixels[i] & 0xFF;
    }

    /**
     * The document id: a digest of label and pixels. Importing the same image twice, from IDX or CSV, lands on
     * the same id, which is what makes imports idempotent.
     */
    public String contentId() {
        try {
            var digest = MessageDigest.getInstance("SHA-1");
            digest.update((byte) label);
            return HexFormat.of().formatHex(digest.digest(pixels));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }
}
