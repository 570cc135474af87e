package app.digits.training.control;

import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/**
 * Multinomial logistic regression as a network: the 784 grey levels straight into ten outputs, whose softmax
 * the loss and the classifier take. On DJL it trains in mini-batches with Adam on both cores, where Smile's
 * L-BFGS took 83 s on 20,000 images for 91.6 % (scikit-learn: 23 s); ten epochs here take about 3 s for the
 * same accuracy.
 */
record LinearNetwork() implements DjlNetwork {

    @Override
    public SequentialBlock build() {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    @Override
    public String kind() {
        return "Logistic regression";
    }
}
