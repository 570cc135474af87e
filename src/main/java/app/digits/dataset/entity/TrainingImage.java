package app.digits.dataset.entity;

import jakarta.nosql.Entity;

/** An image of the MNIST training set, in {@code mnist_train}. */
@Entity(Split.TRAIN_COLLECTION)
public class TrainingImage extends MnistImage {
}
