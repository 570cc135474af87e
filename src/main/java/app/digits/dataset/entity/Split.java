package app.digits.dataset.entity;

/**
 * The two halves of MNIST and the collections that hold them. The test split is kept for final evaluation
 * only; training and tuning read the training split.
 */
public enum Split {
    TRAIN(Split.TRAIN_COLLECTION, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", 60_000),
    TEST(Split.TEST_COLLECTION, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", 10_000);

    public static final String TRAIN_COLLECTION = "mnist_train";
    public static final String TEST_COLLECTION = "mnist_test";

    private final String collection;
    private final String imagesFile;
    private final String labelsFile;
    private final int mnistSize;

    Split(String collection, String imagesFile, String labelsFile, int mnistSize) {
        this.collection = collection;
        this.imagesFile = imagesFile;
        this.labelsFile = labelsFile;
        this.mnistSize = mnistSize;
    }

    public String collection() {
        return collection;
    }

    public String imagesFile() {
        return imagesFile;
    }

    public String labelsFile() {
        return labelsFile;
    }

    /** How many images the original MNIST split has. */
    public int mnistSize() {
        return mnistSize;
    }

    /** The CSV file name the start-up import looks for in the MNIST directory. */
    public String csvFile() {
        return collection + ".csv";
    }

    public static Split parse(String name) {
        for (var split : values()) {
            if (split.name().equalsIgnoreCase(name) || split.collection.equalsIgnoreCase(name)) {
                return split;
            }
        }
        throw new IllegalArgumentException("Unknown split '" + name + "': use train or test");
    }
}
