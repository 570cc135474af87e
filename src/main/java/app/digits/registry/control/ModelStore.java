package app.digits.registry.control;

import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.registry.entity.ModelFile;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Model files and their sidecars. With a database they live in MongoDB GridFS (bucket {@code models}), so every
 * instance of a cluster sees every model, and the local directory is only a cache; without one (benchmarks,
 * trainer tests) the directory is all there is. A file is always written to a temporary file, forced to disk
 * and renamed into place, the model before its sidecar, so a crash never leaves a half-written model that
 * looks valid: only sidecars are listed. Each GridFS file carries its SHA-256, checked when it is copied into
 * the cache; loading recomputes the model file's SHA-256 before deserializing, and deserialization accepts only
 * the classes models are made of. Sidecars never change once written, so parsed ones are kept in memory; the
 * flat sidecars of models trained before descriptors had parts are still read.
 */
public class ModelStore {

    public static final String BUCKET = "models";
    private static final Logger LOG = Logger.getLogger(ModelStore.class.getName());
    private static final String SIDECAR = ".json";
    private static final String MODEL = ".model";
    private static final String ACTIVE = "active-model.txt";
    private static final int CHUNKS_PER_BATCH = 16;
    /**
     * The classes models are made of, nested at most 1,000 deep: a tree's nodes nest in its serialization about
     * twice as deep as the tree (node, array of children, node...), and Weka's forest grows its trees without a
     * depth limit, 30 to 40 levels on MNIST (74 deep serialized), over a hundred on data that peels off one
     * image a split. A thousand stays far from the reading thread's stack limit.
     */
    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=1000;app.digits.**;smile.**;weka.**;ai.djl.**;java.**;javax.**;!*");

    private final Path directory;
    private final Optional<GridFSBucket> bucket;
    private final Map<String, ModelDescriptor> sidecars = new ConcurrentHashMap<>();
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

    /** Models in this directory only. */
    public ModelStore(Path directory) {
        this.directory = directory;
        this.bucket = Optional.empty();
    }

    /** Models in the database's GridFS, cached in this directory. */
    public ModelStore(Path directory, MongoDatabase database) {
        this.directory = directory;
        this.bucket = Optional.of(GridFSBuckets.create(database, BUCKET));
    }

    public ModelDescriptor save(DigitClassifier classifier, ModelDescriptor descriptor) throws IOException {
        Files.createDirectories(directory);
        var file = descriptor.id() + MODEL;
        String sha256 = writeAtomically(directory.resolve(file), out -> {
            try (var objects = new ObjectOutputStream(out)) {
                objects.writeObject(classifier);
            }
        });
        var complete = descriptor.withFile(new ModelFile(file, Files.size(directory.resolve(file)), sha256));
        writeAtomically(directory.resolve(descriptor.id() + SIDECAR), out -> out.write(sidecar(complete)));
        upload(complete);
        sidecars.put(complete.id(), complete);
        return complete;
    }

    /** Every model, ordered by id; with a database, the ones in GridFS (sidecars missing from the cache are fetched). */
    public List<ModelDescriptor> descriptors() throws IOException {
        var descriptors = new ArrayList<ModelDescriptor>();
        for (var id : ids()) {
            var known = sidecars.get(id);
            if (known == null) {
                var path = directory.resolve(id + SIDECAR);
                if (bucket.isPresent() && !Files.isRegularFile(path)) {
                    download(id + SIDECAR, path);
                }
                known = parse(Files.readString(path));
                sidecars.put(id, known);
            }
            descriptors.add(known);
        }
        return descriptors;
    }

    public Optional<ModelDescriptor> descriptor(String id) throws IOException {
        return descriptors().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public DigitClassifier load(ModelDescriptor descriptor) throws IOException {
        var file = directory.resolve(descriptor.file().name());
        var actual = Files.isRegularFile(file) ? sha256(file) : "none (missing)";
        if (bucket.isPresent() && !actual.equals(descriptor.file().sha256())) {
            actual = download(descriptor.file().name(), file);
        }
        if (!actual.equals(descriptor.file().sha256())) {
            throw new IOException("Model file " + file + " has SHA-256 " + actual + ", its sidecar says "
                    + descriptor.file().sha256() + ": refusing to load it");
        }
        try (var in = new ObjectInputStream(Files.newInputStream(file))) {
            in.setObjectInputFilter(CLASSES);
            return (DigitClassifier) in.readObject();
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("Model file " + file + " does not hold a digit classifier", e);
        }
    }

    /**
     * Uploads the models of the local directory that GridFS does not have yet (an installation from before
     * models were shared), each checked against its sidecar first; returns how many were uploaded.
     */
    public int migrate() throws IOException {
        if (bucket.isEmpty() || !Files.isDirectory(directory)) {
            return 0;
        }
        var shared = ids();
        int uploaded = 0;
        for (var descriptor : localDescriptors()) {
            if (!shared.contains(descriptor.id())) {
                var actual = sha256(directory.resolve(descriptor.file().name()));
                if (!actual.equals(descriptor.file().sha256())) {
                    LOG.warning(() -> "Not uploading model " + descriptor.id() + ": its file does not match its checksum");
                    continue;
                }
                upload(descriptor);
                uploaded++;
            }
        }
        return uploaded;
    }

    /** The id in the local pointer file of installations from before the served model was kept in MongoDB. */
    public Optional<String> activeId() throws IOException {
        var pointer = directory.resolve(ACTIVE);
        return Files.isReadable(pointer) ? Optional.of(Files.readString(pointer).strip()) : Optional.empty();
    }

    private List<String> ids() throws IOException {
        if (bucket.isEmpty()) {
            return localDescriptors().stream().map(ModelDescriptor::id).toList();
        }
        var ids = new ArrayList<String>();
        for (var file : bucket.get().find(Filters.eq("metadata.kind", "sidecar"))) {
            ids.add(file.getMetadata().getString("model"));
        }
        return ids.stream().distinct().sorted().toList();
    }

    private List<ModelDescriptor> localDescriptors() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        var descriptors = new ArrayList<ModelDescriptor>();
        try (var files = Files.list(directory)) {
            for (var sidecar : files.filter(path -> path.toString().endsWith(SIDECAR)).sorted().toList()) {
                descriptors.add(parse(Files.readString(sidecar)));
            }
        }
        return descriptors;
    }

    /** The model file, then the sidecar: a sidecar in GridFS means its model is there, whole. */
    private void upload(ModelDescriptor descriptor) throws IOException {
        if (bucket.isEmpty()) {
            return;
        }
        uploadFile(directory.resolve(descriptor.file().name()), descriptor.id(), "model", descriptor.file().sha256());
        var sidecar = directory.resolve(descriptor.id() + SIDECAR);
        uploadFile(sidecar, descriptor.id(), "sidecar", sha256(sidecar));
    }

    private void uploadFile(Path file, String id, String kind, String sha256) throws IOException {
        var metadata = new Document("model", id).append("kind", kind).append("sha256", sha256);
        try (InputStream in = Files.newInputStream(file)) {
            bucket.orElseThrow().uploadFromStream(file.getFileName().toString(), in, new GridFSUploadOptions().metadata(metadata));
        }
    }

    /** Copies a GridFS file into the cache, checking its SHA-256 before it is renamed into place. */
    private String download(String name, Path target) throws IOException {
        GridFSFile file = bucket.orElseThrow().find(Filters.eq("filename", name)).sort(new Document("uploadDate", -1)).first();
        if (file == null) {
            throw new IOException("GridFS has no file " + name);
        }
        var expected = file.getMetadata().getString("sha256");
        Files.createDirectories(target.getParent());
        var actual = writeAtomically(target, out -> {
            try (var in = bucket.orElseThrow().openDownloadStream(file.getObjectId()).batchSize(CHUNKS_PER_BATCH)) {
                in.transferTo(out);
            }
        }, expected);
        LOG.fine(() -> "Cached " + name + " (" + actual + ") from GridFS");
        return actual;
    }

    /** A sidecar in either layout: the current one with parts, or the flat one of older models. */
    private ModelDescriptor parse(String json) {
        var object = Json.createReader(new StringReader(json)).readObject();
        return FlatSidecar.isFlat(object) ? jsonb.fromJson(json, FlatSidecar.class).toDescriptor()
                : jsonb.fromJson(json, ModelDescriptor.class);
    }

    private byte[] sidecar(ModelDescriptor descriptor) {
        return jsonb.toJson(descriptor).getBytes(StandardCharsets.UTF_8);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static String writeAtomically(Path target, Writer writer) throws IOException {
        return writeAtomically(target, writer, null);
    }

    /** Writes, forces and renames into place; with {@code expected}, only content with that SHA-256 is renamed. */
    private static String writeAtomically(Path target, Writer writer, String expected) throws IOException {
        var temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            var digest = newDigest();
            try (var out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                writer.write(out);
            }
            var sha256 = HexFormat.of().formatHex(digest.digest());
            if (expected != null && !expected.equals(sha256)) {
                throw new IOException(target.getFileName() + " from GridFS has SHA-256 " + sha256 + ", expected " + expected
                        + ": refusing it");
            }
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(temporary, target);
            return sha256;
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
