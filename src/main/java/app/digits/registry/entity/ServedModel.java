package app.digits.registry.entity;

/** A loaded model together with its description: what the predictor uses and what pages report. */
public record ServedModel(ModelDescriptor descriptor, DigitClassifier classifier) {
}
