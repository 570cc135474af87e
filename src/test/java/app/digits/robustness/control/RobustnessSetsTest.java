package app.digits.robustness.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.imaging.control.InkMap;
import app.digits.robustness.entity.RobustnessSet;
import app.digits.robustness.entity.Sample;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RobustnessSetsTest {

    private static final List<LabelledImage> TEST = MnistTestSet.images();
    private static final long SEED = 5;

    private static Sample sample(RobustnessSet set, int i) {
        return RobustnessSets.sample(set, TEST, SEED, i);
    }

    private static BufferedImage image(Sample sample) {
        try {
            return ImageIO.read(new ByteArrayInputStream(sample.image()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InkMap ink(RobustnessSet set, int i) {
        return InkMap.of(image(sample(set, i)));
    }

    private static double total(InkMap map) {
        double sum = 0;
        for (float value : map.ink()) {
            sum += value;
        }
        return sum;
    }

    /** Left, top, right, bottom of the ink above a quarter. */
    private static int[] box(InkMap map) {
        int[] box = {map.width(), map.height(), -1, -1};
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                if (map.at(x, y) > 0.25f) {
                    box = new int[] {Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)};
                }
            }
        }
        return box;
    }

    private static int[] luminances(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .map(rgb -> (int) Math.round(0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF)))
                .toArray();
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() {
        for (var set : RobustnessSet.values()) {
            if (set == RobustnessSet.MNIST || set == RobustnessSet.UPSCALED_2000) {
                continue;
            }
            var first = sample(set, 3);
            assertArrayEquals(first.image(), sample(set, 3).image(), set.key());
            assertEquals(first.expected(), sample(set, 3).expected(), set.key());
            assertFalse(Arrays.equals(first.image(), RobustnessSets.sample(set, TEST, SEED + 1, 3).image()), set.key());
        }
    }

    @Test
    void everyDigitSetStartsFromTheSameTestDigitAndSaysWhichItIs() {
        for (int i = 0; i < 5; i++) {
            var source = RobustnessSets.source(TEST, SEED, i);
            assertTrue(TEST.stream().anyMatch(image -> image == source), "taken from the test set given");
            assertSame(source, RobustnessSets.source(TEST, SEED, i));
            for (var set : List.of(RobustnessSet.AS_SENT, RobustnessSet.THIN, RobustnessSet.SCANNED, RobustnessSet.INVERTED)) {
                assertEquals(Integer.toString(source.label()), sample(set, i).expected(), set.key());
            }
        }
    }

    @Test
    void thinStrokesHoldLessInkAndBoldStrokesMoreThanTheSameDigitAsDrawn() {
        for (int i = 0; i < 5; i++) {
            double plain = total(ink(RobustnessSet.UPSCALED_280, i));
            assertTrue(total(ink(RobustnessSet.THIN, i)) < 0.5 * plain, "thin " + i);
            assertTrue(total(ink(RobustnessSet.BOLD, i)) > 1.3 * plain, "bold " + i);
        }
    }

    @Test
    void faintInkIsAQuarterToTwoFifthsDarkAndInvertedInkIsLightOnDark() {
        for (int i = 0; i < 5; i++) {
            int darkest = Arrays.stream(luminances(image(sample(RobustnessSet.FAINT, i)))).min().orElseThrow();
            assertTrue(darkest >= 150 && darkest <= 193, "faint ink at grey " + darkest);
            var inverted = luminances(image(sample(RobustnessSet.INVERTED, i)));
            assertEquals(0, inverted[0], "black paper");
            assertTrue(Arrays.stream(inverted).max().orElseThrow() > 240, "white ink");
        }
    }

    @Test
    void smallAndLargeDigitsFillAFifthAndNearlyAllOfTheCanvasAndOffCentreOnesStandAside() {
        for (int i = 0; i < 5; i++) {
            var small = box(ink(RobustnessSet.SMALL, i));
            var large = box(ink(RobustnessSet.LARGE, i));
            double smallSide = Math.max(small[2] - small[0], small[3] - small[1]) + 1.0;
            double largeSide = Math.max(large[2] - large[0], large[3] - large[1]) + 1.0;
            assertEquals(0.2, smallSide / 280, 0.04, "small " + i);
            assertEquals(0.95, largeSide / 280, 0.04, "large " + i);
            var off = box(ink(RobustnessSet.OFF_CENTRE, i));
            double dx = (off[0] + off[2]) / 2.0 - 140;
            double dy = (off[1] + off[3]) / 2.0 - 140;
            assertTrue(Math.hypot(dx, dy) > 60, "off-centre " + i + " by " + Math.hypot(dx, dy));
        }
    }

    @Test
    void rotatedOnesTurnBy15To25Degrees() {
        int i = IntStream.range(0, 200).filter(k -> RobustnessSets.source(TEST, SEED, k).label() == 1).findFirst().orElseThrow();
        double difference = Math.abs(orientation(ink(RobustnessSet.ROTATED, i)) - orientation(ink(RobustnessSet.UPSCALED_280, i)));
        double turn = Math.min(difference, 180 - difference);
        assertTrue(turn >= 13 && turn <= 27, "a 1 turned by " + turn + " degrees");
    }

    /** The angle of the ink's main axis, from its second moments, in degrees. */
    private static double orientation(InkMap map) {
        double m = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                m += map.at(x, y);
                mx += x * map.at(x, y);
                my += y * map.at(x, y);
            }
        }
        double cx = mx / m;
        double cy = my / m;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int y = 0; y < map.height(); y++) {
            for (int x = 0; x < map.width(); x++) {
                xx += (x - cx) * (x - cx) * map.at(x, y);
                yy += (y - cy) * (y - cy) * map.at(x, y);
                xy += (x - cx) * (y - cy) * map.at(x, y);
            }
        }
        return Math.toDegrees(0.5 * Math.atan2(2 * xy, xx - yy));
    }

    @Test
    void resolutionsAndFormatsAreTheOnesClaimed() {
        assertEquals(28, image(sample(RobustnessSet.AS_SENT, 0)).getWidth());
        assertEquals(280, image(sample(RobustnessSet.UPSCALED_280, 0)).getWidth());
        assertEquals(2000, image(sample(RobustnessSet.UPSCALED_2000, 0)).getHeight());
        assertEquals(20, image(sample(RobustnessSet.DOWNSCALED_20, 0)).getWidth());
        var scanned = sample(RobustnessSet.SCANNED, 0);
        assertEquals("jpeg", scanned.format());
        assertEquals(0xFF, scanned.image()[0] & 0xFF);
        assertEquals(0xD8, scanned.image()[1] & 0xFF);
        var paper = Arrays.copyOf(luminances(image(scanned)), 280 * 20);
        var stats = Arrays.stream(paper).summaryStatistics();
        assertTrue(stats.getAverage() < 245, "grey or yellowish paper, not white: " + stats.getAverage());
        assertTrue(stats.getMax() - stats.getMin() > 10, "paper with noise");
    }

    @Test
    void numbersCarryTwoToEightDigitsApartOrTouching() {
        for (var pen : List.of(List.of(RobustnessSet.NUMBERS_APART, RobustnessSet.NUMBERS_TOUCHING),
                List.of(RobustnessSet.NUMBERS_THIN_APART, RobustnessSet.NUMBERS_THIN_TOUCHING))) {
            int exactlySeparated = 0;
            int inOnePiece = 0;
            for (int i = 0; i < 20; i++) {
                var apart = sample(pen.get(0), i);
                var touching = sample(pen.get(1), i);
                for (var number : List.of(apart, touching)) {
                    assertTrue(number.expected().matches("[0-9]{2,8}"), number.expected());
                }
                int runs = columnRuns(InkMap.of(image(apart)));
                assertTrue(runs >= apart.expected().length(), "an empty column between digits apart: " + apart.expected() + ", " + runs);
                exactlySeparated += runs == apart.expected().length() ? 1 : 0;
                inOnePiece += columnRuns(InkMap.of(image(touching))) == 1 ? 1 : 0;
            }
            assertTrue(exactlySeparated >= 15, "only the gaps between digits are empty columns in " + exactlySeparated + " of 20");
            // A thin pen's skeleton can break a digit (a 1 split from its serif), leaving an empty column inside it.
            int together = pen.get(1) == RobustnessSet.NUMBERS_TOUCHING ? 20 : 17;
            assertTrue(inOnePiece >= together, pen.get(1).key() + ": touching digits leave no empty column in " + inOnePiece + " of 20");
        }
    }

    @Test
    void thinPenNumbersHaveStrokesAFewPixelsWideWhereMnistStrokesAreBroad() {
        for (int i = 0; i < 5; i++) {
            for (var set : List.of(RobustnessSet.NUMBERS_APART, RobustnessSet.NUMBERS_TOUCHING)) {
                int broad = medianInkRun(InkMap.of(image(sample(set, i))));
                assertTrue(broad >= 12, set.key() + ": MNIST's strokes ten times enlarged, " + broad + " px");
            }
            for (var set : List.of(RobustnessSet.NUMBERS_THIN_APART, RobustnessSet.NUMBERS_THIN_TOUCHING)) {
                int thin = medianInkRun(InkMap.of(image(sample(set, i))));
                assertTrue(thin <= 6, set.key() + ": a pen of about 3 px, " + thin + " px");
            }
        }
    }

    /** The median length of the vertical runs of ink: about a stroke's width where strokes cross a column. */
    private static int medianInkRun(InkMap map) {
        var runs = new ArrayList<Integer>();
        for (int x = 0; x < map.width(); x++) {
            int run = 0;
            for (int y = 0; y <= map.height(); y++) {
                if (y < map.height() && map.at(x, y) > 0.5f) {
                    run++;
                } else if (run > 0) {
                    runs.add(run);
                    run = 0;
                }
            }
        }
        Collections.sort(runs);
        return runs.get(runs.size() / 2);
    }

    /** How many runs of columns hold ink: separated digits give one run each, touching digits one in all. */
    private static int columnRuns(InkMap map) {
        int runs = 0;
        boolean inRun = false;
        for (int x = 0; x < map.width(); x++) {
            boolean ink = false;
            for (int y = 0; y < map.height() && !ink; y++) {
                ink = map.at(x, y) > 0.3f;
            }
            runs += ink && !inRun ? 1 : 0;
            inRun = ink;
        }
        return runs;
    }
}
