package app.digits.dataset.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxFormatTest {

    @Test
    void readsImagesWithTheirLabels() throws IOException {
        var images = IdxFormat.read(images(2, 28, 28, 2 * 784), labels(3, 7));

        assertEquals(2, images.size());
        assertEquals(3, images.get(0).label());
        assertEquals(7, images.get(1).label());
        assertEquals(0, images.get(0).pixel(0));
        assertEquals(783 % 256, images.get(0).pixel(783));
        assertEquals(784 % 256, images.get(1).pixel(0));
    }

    @Test
    void rejectsSwappedFiles() {
        var error = assertThrows(DatasetFormatException.class,
                () -> IdxFormat.read(labels(1), images(1, 28, 28, 784)));
        assertTrue(error.getMessage().contains("Not an IDX images file"), error.getMessage());
    }

    @Test
    void rejectsImagesThatAreNot28By28() {
        var error = assertThrows(DatasetFormatException.class,
                () -> IdxFormat.read(images(1, 32, 28, 32 * 28), labels(1)));
        assertEquals("IDX images are 28x32, expected 28x28", error.getMessage());
    }

    @Test
    void rejectsCountsThatDisagree() {
        var error = assertThrows(DatasetFormatException.class, () -> IdxFormat.read(images(2, 28, 28, 2 * 784), labels(1)));
        assertEquals("IDX files disagree: 2 images but 1 labels", error.getMessage());
    }

    @Test
    void rejectsATruncatedImagesFile() {
        var error = assertThrows(DatasetFormatException.class, () -> IdxFormat.read(images(3, 28, 28, 784 + 100), labels(1, 2, 3)));
        assertEquals("IDX files end after 1 of the 3 images they announce", error.getMessage());
    }

    @Test
    void rejectsALabelThatIsNotADigit() {
        var error = assertThrows(DatasetFormatException.class, () -> IdxFormat.read(images(1, 28, 28, 784), labels(12)));
        assertEquals("IDX label 0 is 12, not a digit 0-9", error.getMessage());
    }

    static ByteArrayInputStream images(int count, int rows, int columns, int pixelBytes) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(IdxFormat.IMAGES_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
            for (int i = 0; i < pixelBytes; i++) {
                out.writeByte(i % 256);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    static ByteArrayInputStream labels(int... labels) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(IdxFormat.LABELS_MAGIC);
            out.writeInt(labels.length);
            for (int label : labels) {
                out.writeByte(label);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Test
    void contentIdsAreEqualForEqualImagesAndDifferForDifferentLabels() throws IOException {
        var first = IdxFormat.read(images(1, 28, 28, 784), labels(4)).get(0);
        var same = IdxFormat.read(images(1, 28, 28, 784), labels(4)).get(0);
        var relabelled = IdxFormat.read(images(1, 28, 28, 784), labels(5)).get(0);

        assertArrayEquals(first.pixels(), same.pixels());
        assertEquals(first.contentId(), same.contentId());
        assertTrue(!first.contentId().equals(relabelled.contentId()));
        assertEquals(40, first.contentId().length());
        assertTrue(Arrays.equals(first.pixels(), relabelled.pixels()));
    }
}
