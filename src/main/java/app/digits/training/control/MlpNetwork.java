package app.digits.training.control;

import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The multilayer perceptron's architecture: the 784 grey levels, one dense ReLU layer with dropout, ten
 * outputs. On DJL it trains in mini-batches with Adam on both cores, where Smile's perceptron updated one image
 * at a time on one core: ten epochs on 60,000 images took 15 s for 98.4 % on the MNIST test set, against
 * 152 s for 98.1 % (scikit-learn's {@code MLPClassifier}: 6.6 s, 97.6 %).
 */
record MlpNetwork(int hiddenUnits, float dropout) implements DjlNetwork {

    @Override
    public SequentialBlock build() {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(hiddenUnits).build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(dropout).build())
                .add(Linear.builder().setUnits(10).build());
    }

    @Override
    public String kind() {
        return "MLP";
    }
}
