package app.digits.training.control;

import java.util.concurrent.Executors;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.j48.C45PruneableClassifierTree;
import weka.core.Instances;

/**
 * Weka's J48 (C4.5, pruned with subtree raising, as J48 builds it by default) whose nodes choose their split
 * with {@link PixelSplitSelection}: on all cores, among the pixels inked in at least {@code inkedShare} of the
 * training images. J48 itself sorts every node's images by all 784 pixels on one core, which made it 6.2 times
 * slower than scikit-learn's tree on the same images (src/bench/README.md). Only the pruned C4.5 tree is built
 * (no reduced-error pruning, no binary splits of nominal values: the pixels are numbers). It serves as a J48.
 */
final class InkedPixelsJ48 extends J48 {

    private static final long serialVersionUID = 1L;

    private final double inkedShare;

    InkedPixelsJ48(double inkedShare) {
        this.inkedShare = inkedShare;
    }

    @Override
    public void buildClassifier(Instances instances) throws Exception {
        getCapabilities().testWithFail(instances);
        int threads = Runtime.getRuntime().availableProcessors();
        try (var workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("j48-splits-", 1).daemon().factory())) {
            var selection = new PixelSplitSelection(m_minNumObj, m_useMDLcorrection, instances,
                    PixelSplitSelection.inkedPixels(instances, inkedShare), workers, threads);
            m_root = new C45PruneableClassifierTree(selection, !m_unpruned, m_CF, m_subtreeRaising, !m_noCleanup, m_collapseTree);
            m_root.buildClassifier(instances);
            selection.cleanup();
        }
    }
}
