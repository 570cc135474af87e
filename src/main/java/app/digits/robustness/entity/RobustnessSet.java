package app.digits.robustness.entity;

/**
 * The robustness sets, each one way real writing differs from MNIST. {@link #MNIST} is the reference: the
 * same test digits given to the model as raw 28x28 pixels, with no decoding or normalization. Number sets
 * hold whole numbers of 2 to 8 digits and are scored on the exact number read: written with MNIST's own strokes,
 * or with a thin pen (the {@link #THIN} set's), digits apart or touching.
 */
public enum RobustnessSet {
    MNIST("mnist"),
    AS_SENT("as-sent"),
    THIN("thin"),
    BOLD("bold"),
    FAINT("faint"),
    ROTATED("rotated"),
    SMALL("small"),
    LARGE("large"),
    OFF_CENTRE("off-centre"),
    UPSCALED_280("upscaled-280"),
    UPSCALED_2000("upscaled-2000"),
    DOWNSCALED_20("downscaled-20"),
    SCANNED("scanned"),
    INVERTED("inverted"),
    NUMBERS_APART("numbers-apart"),
    NUMBERS_TOUCHING("numbers-touching"),
    NUMBERS_THIN_APART("numbers-thin-apart"),
    NUMBERS_THIN_TOUCHING("numbers-thin-touching");

    private final String key;

    RobustnessSet(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public boolean numbers() {
        return this == NUMBERS_APART || this == NUMBERS_TOUCHING || this == NUMBERS_THIN_APART || this == NUMBERS_THIN_TOUCHING;
    }

    /** For number sets: whether the digits stand apart (otherwise they touch). */
    public boolean apart() {
        return this == NUMBERS_APART || this == NUMBERS_THIN_APART;
    }

    /** Whether the set is written with the thin pen of {@link #THIN}. */
    public boolean thinPen() {
        return this == THIN || this == NUMBERS_THIN_APART || this == NUMBERS_THIN_TOUCHING;
    }
}
