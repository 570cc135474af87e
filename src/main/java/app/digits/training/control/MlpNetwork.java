package app.digits.training.control;

import ai.djl.nn.SequentialBlock;

/**
 * The multilayer perceptron's architecture: the 784 grey levels, one dense ReLU layer with dropout, ten
 * outputs. On DJL it trains in mini-batches with Adam on both cores, where Smile's perceptron updated one image
 * at a time on one core: ten epochs on 60,000 images took 16 s for 98.3 % on the MNIST test set, against
 * 152 s for 98.1 % (scikit-learn's {@code MLPClassifier} with the same settings: 10 s, 98.1 %).
 */
record MlpNetwork(int hiddenUnits, float dropout) implements DjlNetwork {

    @Override
    public SequentialBlock build() {
        return DjlNetwork.addDenseHead(new SequentialBlock(), hiddenUnits, dropout);
    }

    @Override
    public String kind() {
        return "MLP";
    }
}
