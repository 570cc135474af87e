package app.digits.platform.control;

/**
 * The CDI event start-up fires once MongoDB answers, before anything reads it: features that keep their own
 * collections observe it to create their indexes, so none of them touches the database while the application
 * is still deploying (when it is not connected yet) and start-up needs to know none of them. An observer
 * that throws fails the step, which start-up retries.
 */
public record DatabaseConnected() {
}
