package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import weka.classifiers.trees.J48;
import weka.core.DenseInstance;
import weka.core.Instances;

class PixelSplitSelectionTest {

    @Test
    void withEveryInkedPixelACandidateTheTreeIsWekasOwn() throws Exception {
        var data = MessyImages.of(1_000, 3);
        var weka = new J48();
        weka.setDoNotMakeSplitPointActualValue(true);
        weka.buildClassifier(data);
        var ours = new InkedPixelsJ48(0);
        ours.buildClassifier(data);

        assertTrue(weka.measureTreeSize() > 50, "a tree worth comparing: " + weka.measureTreeSize() + " nodes");
        assertEquals(weka.toString(), ours.toString());
        var probe = MessyImages.of(50, 4);
        for (int i = 0; i < probe.numInstances(); i++) {
            assertArrayEquals(weka.distributionForInstance(probe.instance(i)), ours.distributionForInstance(probe.instance(i)), 0);
        }
    }

    @Test
    void pixelsInkedInTooFewImagesAreNoCandidates() {
        var data = WekaClassifier.header(200);
        for (int n = 0; n < 200; n++) {
            var pixels = new byte[LabelledImage.PIXELS];
            pixels[0] = (byte) (n < 1 ? 200 : 0);
            pixels[1] = (byte) (n < 2 ? 200 : 0);
            pixels[2] = (byte) (n % 2 == 0 ? 200 : 0);
            data.add(new DenseInstance(1.0, WekaClassifier.values(pixels, n % 10)));
        }
        assertArrayEquals(new int[] {1, 2}, PixelSplitSelection.inkedPixels(data, 0.01), "at least 2 of 200 images");
        assertArrayEquals(new int[] {0, 1, 2}, PixelSplitSelection.inkedPixels(data, 0), "inked at least once; never the digit");
    }

    @Test
    void aRarePixelThatAloneSeparatesADigitIsNotSplitOn() throws Exception {
        var images = new ArrayList<LabelledImage>(Bands.of(30, 5));
        var marked = images.get(7).pixels().clone();
        marked[783] = (byte) 255;
        images.set(7, new LabelledImage(images.get(7).label(), marked));
        var data = WekaClassifier.header(images.size());
        images.forEach(image -> data.add(new DenseInstance(1.0, WekaClassifier.values(image.pixels(), image.label()))));
        var tree = new InkedPixelsJ48(0.01);
        tree.buildClassifier(data);
        assertTrue(!tree.toString().contains("p783 "), tree.toString());
    }
}
