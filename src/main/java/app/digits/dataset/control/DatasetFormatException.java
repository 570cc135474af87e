package app.digits.dataset.control;

/**
 * A data file that is not what it claims to be: it names the line (CSV) or the header field (IDX) at fault,
 * so whoever prepared the file can fix it. Raised before anything is written.
 */
public class DatasetFormatException extends RuntimeException {

    public DatasetFormatException(String message) {
        super(message);
    }
}
