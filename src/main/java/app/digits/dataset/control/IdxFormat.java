package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads MNIST's original IDX pair (an idx3 file of 28x28 unsigned bytes and an idx1 file of labels) and
 * checks every header field, so a truncated download or swapped files fail with a precise message.
 */
public final class IdxFormat {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxFormat() {
    }

    public static List<LabelledImage> read(InputStream imagesStream, InputStream labelsStream) throws IOException {
        var images = new DataInputStream(imagesStream);
        var labels = new DataInputStream(labelsStream);
        expectMagic(images.readInt(), IMAGES_MAGIC, "images");
        expectMagic(labels.readInt(), LABELS_MAGIC, "labels");
        int imageCount = images.readInt();
        int rows = images.readInt();
        int columns = images.readInt();
        int labelCount = labels.readInt();
        if (rows != LabelledImage.SIDE || columns != LabelledImage.SIDE) {
            throw new DatasetFormatException("IDX images are " + columns + "x" + rows + ", expected 28x28");
        }
        if (imageCount != labelCount) {
            throw new DatasetFormatException("IDX files disagree: " + imageCount + " images but " + labelCount + " labels");
        }
        var result = new ArrayList<LabelledImage>(imageCount);
        for (int i = 0; i < imageCount; i++) {
            var pixels = new byte[LabelledImage.PIXELS];
            try {
                images.readFully(pixels);
                int label = labels.readUnsignedByte();
                if (label > 9) {
                    throw new DatasetFormatException("IDX label " + i + " is " + label + ", not a digit 0-9");
                }
                result.add(new LabelledImage(label, pixels));
            } catch (EOFException e) {
                throw new DatasetFormatException("IDX files end after " + i + " of the " + imageCount + " images they announce");
            }
        }
        return result;
    }

    private static void expectMagic(int actual, int expected, String what) {
        if (actual != expected) {
            throw new DatasetFormatException(String.format(
                    "Not an IDX %s file: magic number 0x%08X, expected 0x%08X", what, actual, expected));
        }
    }
}
