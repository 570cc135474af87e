package app.digits.registry.control;

/**
 * The CDI event, fired asynchronously, that a model now answers predictions (loaded at start, trained and
 * promoted, or swapped in by the admin): whatever is computed per served model can be prepared before anyone
 * asks for it, without the registry knowing who does.
 */
public record ModelServed(String modelId) {
}
