package app.digits.bench;

import app.digits.registry.control.ModelStore;
import app.digits.registry.entity.DigitClassifier;
import app.digits.robustness.control.MnistTestSet;
import app.digits.robustness.control.Pipeline;
import app.digits.robustness.control.RobustnessBenchmark;
import app.digits.robustness.control.RobustnessSets;
import app.digits.robustness.entity.RobustnessSet;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Contact sheets of the robustness sets, to see that each set looks like what it claims, and, given a models
 * directory, sheets of the served model's failures: each sample next to the 28x28 input(s) the model saw and
 * what it read. Writes {@code target/robustness/<set>.png} and {@code <set>-failures.png}. Run with
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt} then
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) app.digits.bench.RobustnessSheets 300 models}
 * (how many samples of each set to scan for failures, at most 40 kept; the models directory, optional: its
 * active model is the one examined).
 */
public final class RobustnessSheets {

    private static final int TILE = 120;
    private static final int COLUMNS = 8;
    private static final long SEED = 1;

    public static void main(String[] args) throws IOException {
        int scanned = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        DigitClassifier classifier = null;
        if (args.length > 1) {
            var store = new ModelStore(Path.of(args[1]));
            var active = store.activeId().orElseThrow();
            classifier = store.load(store.descriptors().stream().filter(d -> d.id().equals(active)).findFirst().orElseThrow());
        }
        var out = Path.of("target/robustness");
        Files.createDirectories(out);
        var test = MnistTestSet.images();
        var pipeline = new Pipeline(2_000_000, 4_000_000);
        for (var set : RobustnessSet.values()) {
            if (set == RobustnessSet.MNIST) {
                continue;
            }
            var tiles = new ArrayList<Tile>();
            var failures = new ArrayList<Tile>();
            for (int i = 0; i < scanned && (tiles.size() < 24 || classifier != null && failures.size() < 40); i++) {
                var sample = RobustnessSets.sample(set, test, SEED, i);
                var image = ImageIO.read(new ByteArrayInputStream(sample.image()));
                if (tiles.size() < 24) {
                    tiles.add(new Tile(image, List.of(), sample.expected() + " " + image.getWidth() + "x" + image.getHeight()));
                }
                if (classifier != null && failures.size() < 40) {
                    var prepared = set.numbers() ? pipeline.number(sample, classifier) : pipeline.digit(sample);
                    var read = prepared.refused() ? "refused" : RobustnessBenchmark.read(classifier, prepared.inputs());
                    if (!read.equals(sample.expected())) {
                        failures.add(new Tile(image, prepared.inputs(), sample.expected() + " → " + (read.isEmpty() ? "blank" : read)));
                    }
                }
            }
            write(tiles, set.numbers(), out.resolve(set.key() + ".png"));
            if (classifier != null) {
                write(failures, set.numbers(), out.resolve(set.key() + "-failures.png"));
                System.out.printf("%-18s %d failures in the first %d%n", set.key(), failures.size(), scanned);
            }
        }
    }

    private record Tile(BufferedImage image, List<byte[]> inputs, String caption) {
    }

    private static void write(List<Tile> tiles, boolean wide, Path file) throws IOException {
        int width = wide ? 3 * TILE : TILE;
        int columns = wide ? 3 : COLUMNS;
        int height = TILE + 28 * 2 + 16;
        int rows = Math.max(1, (tiles.size() + columns - 1) / columns);
        var sheet = new BufferedImage(columns * (width + 8), rows * (height + 8), BufferedImage.TYPE_INT_RGB);
        var g = sheet.createGraphics();
        g.setColor(new Color(0x8090A0));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t < tiles.size(); t++) {
            var tile = tiles.get(t);
            int x = (t % columns) * (width + 8) + 4;
            int y = (t / columns) * (height + 8) + 4;
            double scale = Math.min((double) width / tile.image().getWidth(), (double) TILE / tile.image().getHeight());
            g.drawImage(tile.image(), x, y, (int) (tile.image().getWidth() * scale), (int) (tile.image().getHeight() * scale), null);
            for (int k = 0; k < tile.inputs().size(); k++) {
                drawInput(g, tile.inputs().get(k), x + k * 58, y + TILE + 2);
            }
            g.setColor(Color.WHITE);
            g.drawString(tile.caption(), x, y + height - 2);
        }
        g.dispose();
        ImageIO.write(sheet, "png", file.toFile());
    }

    /** A 28x28 model input, twice its size, white ink on black as MNIST shows it. */
    private static void drawInput(Graphics2D g, byte[] pixels, int x, int y) {
        var input = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        input.getRaster().setDataElements(0, 0, 28, 28, pixels);
        g.drawImage(input, x, y, 56, 56, null);
    }
}
