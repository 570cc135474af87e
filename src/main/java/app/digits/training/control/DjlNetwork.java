package app.digits.training.control;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.io.Serializable;

/**
 * A network DJL trains and serves: its architecture as a few sizes, kept with the trained weights (in
 * {@link CnnClassifier}) so that the same network can be rebuilt to serve them. Both read a batch of 28x28
 * images, one channel, grey levels scaled to 0-1, and answer ten logits.
 */
sealed interface DjlNetwork extends Serializable permits CnnNetwork, MlpNetwork, LinearNetwork {

    /** The input shape of one image: batch, channel, rows, columns. */
    Shape IMAGE = new Shape(1, 1, 28, 28);

    SequentialBlock build();

    /** A short name for logs: CNN, MLP. */
    String kind();

    /**
     * Appends the layers both the CNN and the MLP end with, flat in {@code block} (so saved weights keep their
     * order): flatten, a dense ReLU layer with dropout, ten outputs.
     */
    static SequentialBlock addDenseHead(SequentialBlock block, int hiddenUnits, float dropout) {
        return block.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hiddenUnits).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(10).build());
    }
}
