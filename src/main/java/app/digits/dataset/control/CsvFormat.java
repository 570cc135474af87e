package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seed's CSV format: one image a line as {@code label,p0,...,p783} with grey levels 0-255, and an
 * optional header line. Every row is validated; the first bad one stops the read with its line number, so
 * an import is all or nothing.
 */
public final class CsvFormat {

    private static final int COLUMNS = 1 + LabelledImage.PIXELS;

    private CsvFormat() {
    }

    public static List<LabelledImage> read(Reader source) throws IOException {
        var reader = new BufferedReader(source, 1 << 16);
        var images = new ArrayList<LabelledImage>();
        var values = new int[COLUMNS];
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || (lineNumber == 1 && isHeader(line))) {
                continue;
            }
            parseRow(line, lineNumber, values);
            images.add(toImage(values, lineNumber));
        }
        if (images.isEmpty()) {
            throw new DatasetFormatException("The CSV file holds no image rows");
        }
        return images;
    }

    private static boolean isHeader(String line) {
        var first = line.strip();
        return !first.isEmpty() && !Character.isDigit(first.charAt(0)) && first.charAt(0) != '-';
    }

    private static void parseRow(String line, int lineNumber, int[] values) {
        int column = 0;
        int start = 0;
        int length = line.length();
        while (start <= length) {
            int end = line.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            if (column >= COLUMNS) {
                throw new DatasetFormatException("line " + lineNumber + ": expected " + COLUMNS
                        + " comma-separated values (label and 784 pixels), got more");
            }
            values[column] = parseInt(line, start, end, lineNumber, column);
            column++;
            start = end + 1;
        }
        if (column != COLUMNS) {
            throw new DatasetFormatException("line " + lineNumber + ": expected " + COLUMNS
                    + " comma-separated values (label and 784 pixels), got " + column);
        }
    }

    private static int parseInt(String line, int start, int end, int lineNumber, int column) {
        var text = line.substring(start, end).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException("line " + lineNumber + ", " + describe(column) + ": '" + text + "' is not an integer");
        }
    }

    private static LabelledImage toImage(int[] values, int lineNumber) {
        if (values[0] < 0 || values[0] > 9) {
            throw new DatasetFormatException("line " + lineNumber + ": label " + values[0] + " is not a digit 0-9");
        }
        var pixels = new byte[LabelledImage.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            int value = values[i + 1];
            if (value < 0 || value > 255) {
                throw new DatasetFormatException("line " + lineNumber + ", " + describe(i + 1) + ": " + value + " is outside 0-255");
            }
            pixels[i] = (byte) value;
        }
        return new LabelledImage(values[0], pixels);
    }

    private static String describe(int column) {
        return column == 0 ? "label" : "pixel " + (column - 1);
    }
}
