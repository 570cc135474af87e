package app.digits.robustness.control;

import app.digits.dataset.control.IdxFormat;
import app.digits.dataset.entity.LabelledImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The MNIST test set from the IDX files the build fetches ({@code digits.mnist.dir}, by default data/mnist), read once. */
public final class MnistTestSet {

    private static List<LabelledImage> images;

    private MnistTestSet() {
    }

    public static synchronized List<LabelledImage> images() {
        if (images == null) {
            images = read("t10k");
        }
        return images;
    }

    /** The first {@code count} training images, for the small model the pipeline tests use. */
    public static List<LabelledImage> training(int count) {
        return read("train").subList(0, count);
    }

    private static List<LabelledImage> read(String prefix) {
        var directory = Path.of(System.getProperty("digits.mnist.dir", "data/mnist"));
        try (var pixels = new BufferedInputStream(Files.newInputStream(directory.resolve(prefix + "-images-idx3-ubyte")));
             var labels = new BufferedInputStream(Files.newInputStream(directory.resolve(prefix + "-labels-idx1-ubyte")))) {
            return List.copyOf(IdxFormat.read(pixels, labels));
        } catch (IOException e) {
            throw new UncheckedIOException("MNIST is read from " + directory + " (mvn generate-resources fetches it)", e);
        }
    }
}
