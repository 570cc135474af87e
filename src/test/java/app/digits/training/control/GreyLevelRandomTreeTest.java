package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instances;

class GreyLevelRandomTreeTest {

    /** Images drawn several times into a sample, as Weka's forest gives them to a tree: weights 1 to 3. */
    private static Instances weighted(Instances data) {
        for (int i = 0; i < data.numInstances(); i++) {
            data.instance(i).setWeight(1 + i % 3);
        }
        return data;
    }

    private static RandomTree grown(RandomTree tree, int seed, Instances data) throws Exception {
        tree.setSeed(seed);
        tree.buildClassifier(data);
        return tree;
    }

    private static void assertSameAnswers(weka.classifiers.Classifier expected, weka.classifiers.Classifier actual) throws Exception {
        var probe = MessyImages.of(500, 4);
        for (int i = 0; i < probe.numInstances(); i++) {
            assertArrayEquals(expected.distributionForInstance(probe.instance(i)), actual.distributionForInstance(probe.instance(i)), 0);
        }
    }

    @Test
    void theTreeIsWekasOwnNodeForNodeAndThresholdForThreshold() throws Exception {
        var data = weighted(MessyImages.of(1_500, 3));
        var weka = grown(new RandomTree(), 7, data);
        var ours = grown(new GreyLevelRandomTree(), 7, data);

        assertTrue(weka.numElements() > 200, "a tree worth comparing: " + weka.numElements() + " nodes");
        assertEquals(weka.toString(), ours.toString());
        assertSameAnswers(weka, ours);
    }

    @Test
    void aDepthLimitAndLargerLeavesGrowWekasTreeToo() throws Exception {
        var data = MessyImages.of(800, 5);
        var weka = new RandomTree();
        var ours = new GreyLevelRandomTree();
        for (var tree : new RandomTree[] {weka, ours}) {
            tree.setSeed(3);
            tree.setMaxDepth(6);
            tree.setMinNum(4);
            tree.setKValue(25);
            tree.buildClassifier(data);
        }
        assertEquals(weka.toString(), ours.toString());
    }

    @Test
    void theForestIsWekasOwn() throws Exception {
        var data = MessyImages.of(1_000, 6);
        var weka = new RandomForest();
        var ours = new RandomForest();
        ours.setClassifier(new GreyLevelRandomTree());
        for (var forest : new RandomForest[] {weka, ours}) {
            forest.setNumIterations(8);
            forest.setSeed(11);
            forest.setNumExecutionSlots(2);
            forest.buildClassifier(data);
        }
        assertSameAnswers(weka, ours);
    }

    @Test
    void valuesThatAreNotGreyLevelsAreLeftToWekasOwnCode() throws Exception {
        var data = MessyImages.of(300, 8);
        for (int i = 0; i < data.numInstances(); i += 7) {
            data.instance(i).setValue(300, 0.001);
        }
        assertEquals(grown(new RandomTree(), 2, data).toString(), grown(new GreyLevelRandomTree(), 2, data).toString());
    }
}
