package app.digits.training.control;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The CNN's architecture, small enough to train in minutes on two CPU cores: two 5x5 convolutions (with
 * batch normalization, ReLU and 2x2 max pooling), a dense ReLU layer with dropout, and ten outputs. Its sizes
 * are hyperparameters, kept with the trained weights so the same network can be rebuilt to serve them.
 */
record CnnNetwork(int filters1, int filters2, int hiddenUnits, float dropout) implements DjlNetwork {

    @Override
    public SequentialBlock build() {
        return DjlNetwork.addDenseHead(new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(filters1).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(filters2).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2))), hiddenUnits, dropout);
    }

    @Override
    public String kind() {
        return "CNN";
    }
}
