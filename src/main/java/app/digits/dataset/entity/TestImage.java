package app.digits.dataset.entity;

import jakarta.nosql.Entity;

/** An image of the MNIST test set, in {@code mnist_test}: used only to evaluate models, never to fit them. */
@Entity(Split.TEST_COLLECTION)
public class TestImage extends MnistImage {
}
