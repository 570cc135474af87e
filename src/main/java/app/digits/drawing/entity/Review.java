package app.digits.drawing.entity;

/**
 * Where a person's label stands with the admin. Anyone can label a drawing, so a label only becomes
 * training data once the admin accepted it; a new or changed label waits for review again.
 */
public enum Review {
    PENDING, ACCEPTED, REJECTED
}
