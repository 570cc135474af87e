package app.digits.it;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Files the tests that start servers themselves prepare: a small slice of MNIST (3,000 training and 500 test
 * images of the real files, so a start on an empty database imports in a second) and an empty directory.
 */
final class TestFiles {

    private TestFiles() {
    }

    static void writeMnistSlice(Path target) throws IOException {
        var source = Path.of(System.getProperty("digits.mnist.dir"));
        Files.createDirectories(target);
        for (var split : Map.of("train", 3000, "t10k", 500).entrySet()) {
            int count = split.getValue();
            copyIdx(source.resolve(split.getKey() + "-images-idx3-ubyte"), target.resolve(split.getKey() + "-images-idx3-ubyte"), count, 16, 784);
            copyIdx(source.resolve(split.getKey() + "-labels-idx1-ubyte"), target.resolve(split.getKey() + "-labels-idx1-ubyte"), count, 8, 1);
        }
    }

    private static void copyIdx(Path from, Path to, int count, int headerBytes, int recordBytes) throws IOException {
        try (var in = new DataInputStream(Files.newInputStream(from)); var out = new DataOutputStream(Files.newOutputStream(to))) {
            var header = in.readNBytes(headerBytes);
            java.nio.ByteBuffer.wrap(header).putInt(4, count);
            out.write(header);
            out.write(in.readNBytes(count * recordBytes));
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
