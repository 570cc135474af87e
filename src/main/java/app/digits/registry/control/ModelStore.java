package app.digits.registry.control;

import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Model files on disk. A model is written to a temporary file and renamed into place, then its sidecar the
 * same way, so a crash never leaves a half-written model that looks valid: a process killed mid-save leaves
 * at most a {@code .tmp} file, or a model file without a sidecar, and only sidecars are listed. The bytes are
 * forced to disk before the rename, so even a power cut cannot leave a renamed file with missing content. Loading recomputes the SHA-256
 * before deserializing, and deserialization accepts only the classes models are made of.
 */
public class ModelStore {

    private static final String SIDECAR = ".json";
    private static final String MODEL = ".model";
    private static final String ACTIVE = "active-model.txt";
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=64;app.digits.**;smile.**;weka.**;ai.djl.**;java.**;javax.**;!*");

    private final Path directory;
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    public ModelStore(Path directory) {
        this.directory = directory;
    }

    public ModelDescriptor save(DigitClassifier classifier, ModelDescriptor descriptor) throws IOException {
        Files.createDirectories(directory);
        var file = descriptor.id() + MODEL;
        String sha256 = writeAtomically(directory.resolve(file), out -> {
            try (var objects = new ObjectOutputStream(out)) {
                objects.writeObject(classifier);
            }
        });
        var complete = descriptor.withFile(file, Files.size(directory.resolve(file)), sha256);
        writeAtomically(directory.resolve(descriptor.id() + SIDECAR),
                out -> out.write(jsonb.toJson(complete).getBytes(StandardCharsets.UTF_8)));
        return complete;
    }

    public List<ModelDescriptor> descriptors() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        var descriptors = new ArrayList<ModelDescriptor>();
        try (var files = Files.list(directory)) {
            for (var sidecar : files.filter(path -> path.toString().endsWith(SIDECAR)).sorted().toList()) {
                descriptors.add(jsonb.fromJson(Files.readString(sidecar), ModelDescriptor.class));
            }
        }
        return descriptors;
    }

    public DigitClassifier load(ModelDescriptor descriptor) throws IOException {
        var file = directory.resolve(descriptor.file());
        var actual = sha256(file);
        if (!actual.equals(descriptor.sha256())) {
            throw new IOException("Model file " + file + " has SHA-256 " + actual + ", its sidecar says "
                    + descriptor.sha256() + ": refusing to load it");
        }
        try (var in = new ObjectInputStream(Files.newInputStream(file))) {
            in.setObjectInputFilter(CLASSES);
            return (DigitClassifier) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("Model file " + file + " does not hold a digit classifier", e);
        }
    }

    public Optional<String> activeId() throws IOException {
        var pointer = directory.resolve(ACTIVE);
        return Files.isReadable(pointer) ? Optional.of(Files.readString(pointer).strip()) : Optional.empty();
    }

    public void markActive(String id) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(ACTIVE), out -> out.write(id.getBytes(StandardCharsets.UTF_8)));
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static String writeAtomically(Path target, Writer writer) throws IOException {
        var temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            var digest = newDigest();
            try (var out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                writer.write(out);
            }
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temporary, target);
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(Path file) throws IOException {
        var digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
