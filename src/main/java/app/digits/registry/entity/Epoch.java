package app.digits.registry.entity;

/**
 * One epoch of a network's training as its model keeps it, for the loss and accuracy curves: the mean
 * training loss over the epoch's mini-batches and the accuracy on the images held out from training.
 */
public record Epoch(int epoch, double trainingLoss, double validationAccuracy) {
}
