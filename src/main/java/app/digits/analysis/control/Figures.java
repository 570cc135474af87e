package app.digits.analysis.control;

import app.digits.platform.control.BundleMessageResolver;
import app.digits.platform.control.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Every figure of the analysis by name, as PNG (digit sheets) or SVG (charts), for the pages, the slides and
 * the report alike. Sheets are labelled with digits, arrows and percentages; charts and mean-image captions
 * speak the reader's language (French or English). Each figure comes with a version for HTTP caching: the
 * stored counts and the model.
 */
@ApplicationScoped
public class Figures {

    /** A rendered figure. */
    public record Figure(String contentType, byte[] body) {
    }

    public static final List<String> NAMES = List.of("image", "digits", "digit", "blank", "suspicious", "means", "balance", "intensity", "ink",
            "right", "wrong", "recall", "pair");

    private static final int SCALE = 3;

    @Inject
    Analysis analysis;

    /**
     * The figure {@code name}: {@code index} picks the training image, {@code digit} the digit (for {@code pair},
     * the rank of the confusion, 0 being the most frequent), {@code model} the model (the served one when blank),
     * in the words of {@code locale}; charts are laid out {@code width} wide.
     */
    public Figure render(String name, int index, int digit, String model, Locale locale, ChartWidth width) {
        return switch (name) {
            case "image" -> png(List.of(DigitSheet.Tile.of(analysis.image(index).pixels(),
                    "#" + index + ": " + analysis.image(index).label())), 1, 6);
            case "digits" -> png(IntStream.range(0, 10).mapToObj(d -> DigitSheet.Tile.of(analysis.firstOf(d, 1).getFirst().pixels(),
                    String.valueOf(d))).toList(), 10, SCALE);
            case "digit" -> png(analysis.firstOf(digit, 9).stream().map(image -> DigitSheet.Tile.of(image.pixels(), String.valueOf(digit)))
                    .toList(), 9, SCALE);
            case "blank" -> png(nearBlankTiles(), 12, SCALE);
            case "suspicious" -> png(suspiciousTiles(), 8, SCALE);
            case "means" -> {
                var means = analysis.means();
                yield png(IntStream.range(0, 10).mapToObj(d -> new DigitSheet.Tile(means[d], text(locale, "figure.mean", d))).toList(), 10, SCALE);
            }
            case "balance" -> svg(balance(locale, width));
            case "intensity" -> svg(intensity(locale, width));
            case "ink" -> svg(ink(locale, width));
            case "right" -> png(analysis.errors(model).right().stream().limit(12)
                    .map(e -> DigitSheet.Tile.of(e.image().pixels(), "→ " + e.predicted())).toList(), 12, SCALE);
            case "wrong" -> png(wrongTiles(model), 8, SCALE);
            case "recall" -> svg(recall(model, locale, width));
            case "pair" -> png(pairTiles(model, digit, locale), 5, SCALE);
            default -> throw ProblemException.notFound("No figure " + name + ": use one of " + NAMES);
        };
    }

    private List<DigitSheet.Tile> nearBlankTiles() {
        var nearBlank = analysis.facts().nearBlank();
        if (nearBlank.isEmpty()) {
            throw ProblemException.notFound("No near-blank training image");
        }
        return nearBlank.stream().limit(24).map(i -> DigitSheet.Tile.of(analysis.image(i).pixels(), "#" + i + ": " + analysis.image(i).label()))
                .toList();
    }

    private List<DigitSheet.Tile> suspiciousTiles() {
        var suspicious = analysis.suspiciousLabels();
        if (suspicious.isEmpty()) {
            throw ProblemException.notFound("The served model contradicts no training label with 99 % confidence");
        }
        return suspicious.stream().limit(24).map(e -> DigitSheet.Tile.of(e.image().pixels(),
                String.format(Locale.ROOT, "#%d: %d→%d", e.index(), e.image().label(), e.predicted()))).toList();
    }

    private List<DigitSheet.Tile> wrongTiles(String model) {
        var wrong = analysis.errors(model).wrong();
        if (wrong.isEmpty()) {
            throw ProblemException.notFound("This model kept no answers to show mistakes from");
        }
        return wrong.stream().map(e -> DigitSheet.Tile.of(e.image().pixels(),
                String.format(Locale.ROOT, "%d→%d %.0f%%", e.image().label(), e.predicted(), 100 * e.confidence()))).toList();
    }

    /** For confusion {@code rank} (0 = the most frequent): both digits' mean images, then up to three mistakes. */
    private List<DigitSheet.Tile> pairTiles(String model, int rank, Locale locale) {
        var errors = analysis.errors(model);
        if (rank < 0 || rank >= errors.confusions().size()) {
            throw ProblemException.notFound("No confusion of rank " + rank);
        }
        var confusion = errors.confusions().get(rank);
        var means = analysis.means();
        var tiles = new ArrayList<DigitSheet.Tile>();
        tiles.add(new DigitSheet.Tile(means[confusion.actual()], text(locale, "figure.mean", confusion.actual())));
        tiles.add(new DigitSheet.Tile(means[confusion.predicted()], text(locale, "figure.mean", confusion.predicted())));
        errors.wrong().stream().filter(e -> e.image().label() == confusion.actual() && e.predicted() == confusion.predicted()).limit(3)
                .forEach(e -> tiles.add(DigitSheet.Tile.of(e.image().pixels(), confusion.actual() + "→" + confusion.predicted())));
        return tiles;
    }

    private String balance(Locale locale, ChartWidth width) {
        var facts = analysis.facts();
        return BarChart.svg(text(locale, "figure.balance"), digits(), List.of(
                        new BarChart.Series(text(locale, "figure.balance.train"), share(facts.trainCounts())),
                        new BarChart.Series(text(locale, "figure.balance.test"), share(facts.testCounts()))),
                text(locale, "figure.digit"), v -> percent(v, locale), false, 1, width);
    }

    private String intensity(Locale locale, ChartWidth width) {
        var facts = analysis.facts();
        var bins = IntStream.range(0, DatasetFacts.INTENSITY_BINS)
                .mapToObj(b -> String.valueOf(b * 256 / DatasetFacts.INTENSITY_BINS)).toList();
        return BarChart.svg(text(locale, "figure.intensity"), bins,
                List.of(new BarChart.Series(text(locale, "figure.intensity.pixels"), facts.intensityShares())),
                text(locale, "figure.intensity.axis"), v -> percent(v, locale), false, 1, width);
    }

    private String ink(Locale locale, ChartWidth width) {
        var facts = analysis.facts();
        return BarChart.svg(text(locale, "figure.ink", DatasetFacts.INK), digits(),
                List.of(new BarChart.Series(text(locale, "figure.ink.mean"), facts.meanInk()),
                        new BarChart.Series(text(locale, "figure.ink.deviation"), facts.inkDeviation())),
                text(locale, "figure.digit"), v -> String.format(locale, "%.0f", v), width);
    }

    /** Recall per digit on an axis zoomed in on the values (they all sit above 90 %), up to 100 %. */
    private String recall(String model, Locale locale, ChartWidth width) {
        return BarChart.svg(text(locale, "figure.recall"), digits(),
                List.of(new BarChart.Series(text(locale, "figure.recall.series"), analysis.errors(model).recall())),
                text(locale, "figure.digit"), v -> percent(v, locale), true, 1, width);
    }

    /** A share as a percentage with at most one decimal, in the reader's notation ("97,5 %", "40 %"). */
    static String percent(double share, Locale locale) {
        double value = Math.round(share * 1000) / 10.0;
        return (value == Math.rint(value) ? String.format(locale, "%.0f", value) : String.format(locale, "%.1f", value)) + " %";
    }

    private static String text(Locale locale, String key, Object... parameters) {
        return BundleMessageResolver.message(locale, key, parameters);
    }

    private static List<String> digits() {
        return IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    }

    private static double[] share(int[] counts) {
        double total = Math.max(1, IntStream.of(counts).sum());
        return IntStream.of(counts).mapToDouble(c -> c / total).toArray();
    }

    private static Figure png(List<DigitSheet.Tile> tiles, int columns, int scale) {
        return new Figure("image/png", DigitSheet.png(DigitSheet.draw(tiles, columns, scale)));
    }

    private static Figure svg(String markup) {
        return new Figure("image/svg+xml", markup.getBytes(StandardCharsets.UTF_8));
    }
}
