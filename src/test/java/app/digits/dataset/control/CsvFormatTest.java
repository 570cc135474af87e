package app.digits.dataset.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

    static String row(int label, int pixelValue) {
        return label + "," + IntStream.range(0, 784).mapToObj(i -> String.valueOf(pixelValue)).collect(Collectors.joining(","));
    }

    static String header() {
        return "label," + IntStream.range(0, 784).mapToObj(i -> "pixel" + i).collect(Collectors.joining(","));
    }

    @Test
    void readsRowsWithAHeader() throws IOException {
        var images = CsvFormat.read(new StringReader(header() + "\n" + row(5, 0) + "\n" + row(9, 255) + "\n"));

        assertEquals(2, images.size());
        assertEquals(5, images.get(0).label());
        assertEquals(0, images.get(0).pixel(100));
        assertEquals(9, images.get(1).label());
        assertEquals(255, images.get(1).pixel(783));
    }

    @Test
    void readsRowsWithoutAHeaderAndWindowsLineEnds() throws IOException {
        var images = CsvFormat.read(new StringReader(row(1, 3) + "\r\n" + row(2, 4) + "\r\n"));

        assertEquals(2, images.size());
        assertEquals(2, images.get(1).label());
        assertEquals(4, images.get(1).pixel(783));
    }

    @Test
    void namesTheLineWithTooFewValues() {
        var csv = header() + "\n" + row(1, 0) + "\n" + row(1, 0).substring(0, row(1, 0).length() - 2) + "\n";
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(csv)));
        assertEquals("line 3: expected 785 comma-separated values (label and 784 pixels), got 784", error.getMessage());
    }

    @Test
    void namesTheLineWithTooManyValues() {
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(row(1, 0) + ",0")));
        assertEquals("line 1: expected 785 comma-separated values (label and 784 pixels), got more", error.getMessage());
    }

    @Test
    void namesThePixelOutOfRange() {
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(row(1, 0) + "\n" + row(2, 256))));
        assertEquals("line 2, pixel 0: 256 is outside 0-255", error.getMessage());
    }

    @Test
    void namesABadLabel() {
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(row(10, 0))));
        assertEquals("line 1: label 10 is not a digit 0-9", error.getMessage());
    }

    @Test
    void namesAValueThatIsNotANumber() {
        var csv = row(3, 0).replaceFirst(",0,", ",x,");
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(csv)));
        assertEquals("line 1, pixel 0: 'x' is not an integer", error.getMessage());
    }

    @Test
    void rejectsAFileWithoutRows() {
        var error = assertThrows(DatasetFormatException.class, () -> CsvFormat.read(new StringReader(header() + "\n")));
        assertEquals("The CSV file holds no image rows", error.getMessage());
    }
}
