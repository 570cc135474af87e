package app.digits.prediction.control;

/** What a client can send to be recognized: an encoded image, or 28x28 grey levels. */
public sealed interface DrawingInput {

    /** A PNG or JPEG file's bytes. */
    record EncodedImage(byte[] bytes) implements DrawingInput {
    }

    /** 784 grey levels, row-major, 0 for background and 255 for ink, as MNIST stores them. */
    record GreyLevels(int[] values) implements DrawingInput {
    }
}
