package app.digits.training.control;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The CNN's architecture, small enough to train in minutes on two CPU cores: two blocks of convolutions (each
 * with batch normalization and ReLU) ending in 2x2 max pooling, a dense ReLU layer with dropout, and ten
 * outputs. A block is one 5x5 convolution ({@code convolutions} 1, the default job's CNN) or two 3x3 ones (2:
 * the same field of view, 2.6 times the arithmetic, about 1.6 times the epoch on two cores, the ensemble's
 * members). Its sizes are hyperparameters, kept with the trained weights so the same network can be rebuilt to
 * serve them; models saved before {@code convolutions} existed read it as 0, which means 1.
 */
record CnnNetwork(int filters1, int filters2, int hiddenUnits, float dropout, int convolutions) implements DjlNetwork {

    CnnNetwork {
        convolutions = Math.max(1, convolutions);
    }

    @Override
    public SequentialBlock build() {
        var block = new SequentialBlock();
        addBlock(block, filters1);
        addBlock(block, filters2);
        return DjlNetwork.addDenseHead(block, hiddenUnits, dropout);
    }

    private void addBlock(SequentialBlock block, int filters) {
        int kernel = convolutions == 1 ? 5 : 3;
        for (int i = 0; i < convolutions; i++) {
            block.add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock());
        }
        block.add(Pool.maxPool2dBlock(new Shape(2, 2)));
    }

    @Override
    public String kind() {
        return "CNN";
    }
}
