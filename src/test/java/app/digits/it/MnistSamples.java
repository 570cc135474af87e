package app.digits.it;

import app.digits.dataset.control.IdxFormat;
import app.digits.dataset.entity.LabelledImage;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real MNIST test images for the integration tests, read from the same IDX files the app imports. */
final class MnistSamples {

    private MnistSamples() {
    }

    static List<LabelledImage> testImages(int count) throws IOException {
        var directory = Path.of(System.getProperty("digits.mnist.dir"));
        try (var images = new BufferedInputStream(Files.newInputStream(directory.resolve("t10k-images-idx3-ubyte")));
             var labels = new BufferedInputStream(Files.newInputStream(directory.resolve("t10k-labels-idx1-ubyte")))) {
            return IdxFormat.read(images, labels).subList(0, count);
        }
    }

    /** An MNIST image as a person would draw it on the page: ten times larger, black ink on white. */
    static BufferedImage asDrawing(LabelledImage image) {
        var small = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 784; i++) {
            int grey = 255 - image.pixel(i);
            small.setRGB(i % 28, i / 28, grey << 16 | grey << 8 | grey);
        }
        var large = new BufferedImage(280, 280, BufferedImage.TYPE_INT_RGB);
        var graphics = large.createGraphics();
        graphics.drawImage(small.getScaledInstance(280, 280, Image.SCALE_SMOOTH), 0, 0, null);
        graphics.dispose();
        return large;
    }

    /** MNIST images drawn side by side, left to right, as a person would write a number on the number page. */
    static BufferedImage asNumber(List<LabelledImage> images) {
        var wide = new BufferedImage(280 * images.size(), 280, BufferedImage.TYPE_INT_RGB);
        var graphics = wide.createGraphics();
        for (int i = 0; i < images.size(); i++) {
            graphics.drawImage(asDrawing(images.get(i)), 280 * i, 0, null);
        }
        graphics.dispose();
        return wide;
    }

    /** Sends the first MNIST test image (a 7) to the API at {@code base} as 784 grey levels; answers the stored drawing's id. */
    static String predictFirst(java.net.URI base) throws IOException, InterruptedException {
        var seven = testImages(1).get(0);
        var body = "{\"pixels\":" + java.util.Arrays.toString(java.util.stream.IntStream.range(0, LabelledImage.PIXELS)
                .map(seven::pixel).toArray()) + "}";
        return (String) Server.json(Server.post(base.resolve("api/predictions"), "application/json",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("id");
    }
}
