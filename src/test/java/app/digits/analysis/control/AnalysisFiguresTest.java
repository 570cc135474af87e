package app.digits.analysis.control;

import app.digits.registry.entity.TestModels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.ModelDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AnalysisFiguresTest {

    private static byte[] filled(int value) {
        var pixels = new byte[784];
        java.util.Arrays.fill(pixels, (byte) value);
        return pixels;
    }

    @Test
    void aSheetHasOneTilePerDigitWithRoomForTitlesAndDarkInkOnWhite() throws IOException {
        var tiles = List.of(DigitSheet.Tile.of(filled(255), "7"), DigitSheet.Tile.of(filled(0), "1"), DigitSheet.Tile.of(filled(255), "3"));
        var sheet = DigitSheet.draw(tiles, 2, 3);
        int tile = 28 * 3;
        assertEquals(DigitSheet.GAP + 2 * (tile + DigitSheet.GAP), sheet.getWidth());
        assertEquals(DigitSheet.GAP + 2 * (DigitSheet.TITLE + tile + DigitSheet.GAP), sheet.getHeight(), "two rows");
        int inkX = DigitSheet.GAP + 10;
        int inkY = DigitSheet.GAP + DigitSheet.TITLE + 10;
        assertEquals(0x000000, sheet.getRGB(inkX, inkY) & 0xFFFFFF, "full ink is black");
        assertEquals(0xFFFFFF, sheet.getRGB(inkX + tile + DigitSheet.GAP, inkY) & 0xFFFFFF, "no ink is white");
        var titleArea = sheet.getSubimage(DigitSheet.GAP, DigitSheet.GAP, tile, DigitSheet.TITLE);
        boolean titled = false;
        for (int x = 0; x < titleArea.getWidth() && !titled; x++) {
            for (int y = 0; y < titleArea.getHeight() && !titled; y++) {
                titled = (titleArea.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
        }
        assertTrue(titled, "the title is drawn above the digit");
        var png = DigitSheet.png(sheet);
        assertEquals(sheet.getWidth(), ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        assertThrows(IllegalArgumentException.class, () -> DigitSheet.draw(List.of(), 2, 3));
    }

    @Test
    void theMeanImageOfADigitIsThePixelwiseMeanOfItsImages() {
        var first = filled(0);
        first[0] = (byte) 200;
        var second = filled(0);
        second[0] = (byte) 100;
        second[5] = (byte) 255;
        var means = MeanImages.of(List.of(new LabelledImage(3, first), new LabelledImage(3, second), new LabelledImage(8, filled(40))));
        assertEquals(150, means[3][0], 1e-9);
        assertEquals(127.5, means[3][5], 1e-9);
        assertEquals(40, means[8][100], 1e-9);
        assertArrayEquals(new double[784], means[0], "a digit with no image is blank");
    }

    @Test
    void factsCountClassesInkBlankPixelsNearBlankImagesAndImagesInBothSets() {
        var faint = filled(0);
        faint[300] = (byte) 255;
        var bold = filled(0);
        for (int i = 0; i < 100; i++) {
            bold[200 + i] = (byte) 255;
        }
        var train = List.of(new LabelledImage(1, faint), new LabelledImage(8, bold), new LabelledImage(8, bold.clone()));
        var test = List.of(new LabelledImage(8, bold.clone()), new LabelledImage(2, filled(90)));
        var facts = DatasetFacts.of(train, test, 3, 2);
        assertEquals(1, facts.trainCounts()[1]);
        assertEquals(2, facts.trainCounts()[8]);
        assertEquals(1, facts.testCounts()[2]);
        assertEquals(100, facts.meanInk()[8], 1e-9);
        assertEquals(List.of(0), facts.nearBlank(), "one ink pixel is near blank");
        assertEquals(1, facts.inBothSets(), "the test 8 is also a training image");
        assertEquals((784 * 3 - 201.0) / (784 * 3), facts.blankPixelShare(), 1e-9);
        assertEquals(1.0, java.util.Arrays.stream(facts.intensityShares()).sum(), 1e-9);
        assertEquals(0, facts.smallestShare(), 1e-9, "digits with no image count");
        assertEquals(2 / 3.0, facts.largestShare(), 1e-9);
    }

    @Test
    void aBarChartHasOneBarPerCategoryAndSeriesWithLegendAndTicks() {
        var svg = BarChart.svg("Images <per> digit", List.of("0", "1", "2"),
                List.of(new BarChart.Series("train", new double[] {0.1, 0.2, 0.3}), new BarChart.Series("test", new double[] {0.3, 0.2, 0.1})),
                "digit", v -> String.format(java.util.Locale.ROOT, "%.0f %%", 100 * v), ChartWidth.WIDE);
        assertEquals(6, Pattern.compile("<rect x=\"[\\d.]+\" y=").matcher(svg).results().count() - 2, "six bars besides two legend swatches");
        assertTrue(svg.contains(">train</text>") && svg.contains(">test</text>"));
        assertTrue(svg.contains("Images &lt;per&gt; digit"));
        assertTrue(svg.contains(">0 %</text>"), "the y axis starts at zero");
    }

    @Test
    void aNarrowBarChartWrapsItsTitlePutsTheLegendUnderItAndLabelsEveryOtherCrowdedCategory() {
        var bins = java.util.stream.IntStream.range(0, 16).mapToObj(b -> String.valueOf(b * 16)).toList();
        var values = new double[16];
        var svg = BarChart.svg("Part des pixels par niveau de gris (images d’entraînement)", bins,
                List.of(new BarChart.Series("a", values), new BarChart.Series("b", values)), "niveau", v -> "0", ChartWidth.NARROW);
        assertTrue(svg.contains("viewBox=\"0 0 320 333\""), svg);
        assertTrue(svg.contains(">Part des pixels par niveau de gris</text>") && svg.contains(">(images d’entraînement)</text>"), svg);
        assertTrue(svg.contains("<text x=\"24\" y=\"50\" font-size=\"12\" fill=\"#334155\">a</text>"), "legend under the title: " + svg);
        assertTrue(svg.contains(">0</text>") && svg.contains(">32</text>") && !svg.contains(">16</text>"), "every other grey level");
        assertTrue(Pattern.compile("font-size=\"(\\d+)\"").matcher(svg).results().allMatch(m -> Integer.parseInt(m.group(1)) >= 11));
    }

    @Test
    void axesHaveRoundTicksStopAt100PercentAndZoomInOnCloseValues() {
        var shares = BarChart.Scale.of(0.09, 0.11, false, 1);
        assertEquals(List.of(0.0, 0.05, 0.1, 0.15), shares.ticks().stream().map(t -> Math.round(t * 1000) / 1000.0).toList());
        var recall = BarChart.Scale.of(0.951, 0.992, true, 1);
        assertEquals(List.of(0.92, 0.94, 0.96, 0.98, 1.0), recall.ticks().stream().map(t -> Math.round(t * 1000) / 1000.0).toList(),
                "recall of 95 to 99 % on 92 to 100 %, not 0 to 108 %");
        assertEquals(1.0, BarChart.Scale.of(0.5, 0.99, false, 1).high(), 1e-9, "a share never reads past 100 %");
        assertEquals(List.of(0.0, 50.0, 100.0, 150.0), BarChart.Scale.of(20, 140, false, Double.MAX_VALUE).ticks());
    }

    @Test
    void chartsSpeakTheReadersLanguage() {
        assertEquals("97,5 %", Figures.percent(0.975, java.util.Locale.FRENCH));
        assertEquals("40 %", Figures.percent(0.4, java.util.Locale.ENGLISH));
    }

    @Test
    void errorAnalysisFindsTheWorstDigitTheMostConfusedPairsAndTheMostConfidentMistakes() {
        var test = new ArrayList<LabelledImage>();
        var predictions = new byte[40];
        for (int i = 0; i < 40; i++) {
            int label = i % 10;
            var pixels = filled(0);
            pixels[0] = (byte) i;
            test.add(new LabelledImage(label, pixels));
            predictions[i] = (byte) (label == 4 && i < 30 ? 9 : label == 7 && i == 7 ? 1 : label);
        }
        var confusion = new int[10][10];
        for (int i = 0; i < 40; i++) {
            confusion[test.get(i).label()][predictions[i]]++;
        }
        var model = TestModels.model("m", Map.of(), TestModels.scores(40, 0.9, confusion, Base64.getEncoder().encodeToString(predictions)));
        var confidences = new double[] {0.6, 0.99, 0.7, 0.8};
        var analysis = ErrorAnalysis.of(model, test, pixels -> {
            var probabilities = new double[10];
            probabilities[9] = confidences[(pixels[0] & 0xFF) / 10];
            probabilities[1] = confidences[(pixels[0] & 0xFF) / 10];
            return probabilities;
        }, 5);
        assertEquals(4, analysis.worstDigit());
        assertEquals(0.25, analysis.recall()[4], 1e-9);
        assertEquals(new ErrorAnalysis.Confusion(4, 9, 3), analysis.confusions().get(0));
        assertEquals("4-9", analysis.confusions().get(0).pair());
        assertEquals(new ErrorAnalysis.Confusion(7, 1, 1), analysis.confusions().get(1));
        assertEquals(List.of(14, 24, 4, 7), analysis.wrong().stream().map(ErrorAnalysis.Example::index).toList(), "most confident first");
        assertEquals(5, analysis.right().size());
    }
}
