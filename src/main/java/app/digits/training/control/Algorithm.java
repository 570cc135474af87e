package app.digits.training.control;

import app.digits.platform.control.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * The classifiers a training run can fit, by the name used in job parameters and forms: which library fits
 * it, its default hyperparameters, the axes its small and large grid searches vary, how many MNIST images its
 * final fit uses by default (the slow Weka tree and logistic regression get a third of them, Weka's forest
 * half, so the default job stays well under twenty minutes on two cores), and a rough cost used to estimate
 * a run's remaining time.
 */
public enum Algorithm {
    CNN("cnn", "Convolutional network", "DJL",
            "filters1=16;filters2=32;hiddenUnits=256;dropout=0.3;epochs=10;batchSize=64;learningRate=0.001;augmentation=shifts",
            "", "learningRate=0.0005,0.001,0.002;augmentation=shifts,writing", 60_000, 170,
            (images, p, seed, progress) -> CnnTrainer.train(images, new CnnTrainer.Settings(
                    new CnnNetwork(p.integer("filters1"), p.integer("filters2"), p.integer("hiddenUnits"), (float) p.decimal("dropout")),
                    p.integer("epochs"), p.integer("batchSize"), (float) p.decimal("learningRate"),
                    p.choice("augmentation", CnnBatches.Augmentation.class)), seed, progress)),
    SVM("svm", "SVM, RBF kernel on PCA features", "Smile", "pca=50;C=10;gamma=0.025",
            "C=5,10;gamma=0.0125,0.025,0.05", "pca=40,50,60;C=1,5,10,50;gamma=0.0125,0.025,0.05", 60_000, 200,
            (images, p, seed, progress) -> SmileTrainers.svm(images, p.integer("pca"), p.decimal("C"), p.decimal("gamma"))),
    MLP("mlp", "Multilayer perceptron", "Smile", "hiddenUnits=256;epochs=4;learningRate=0.1",
            "hiddenUnits=128,256", "hiddenUnits=128,256,512;learningRate=0.05,0.1,0.2", 60_000, 110,
            (images, p, seed, progress) -> SmileMlpTrainer.train(images, new SmileMlpTrainer.Settings(p.integer("hiddenUnits"),
                    p.integer("epochs"), 64, p.decimal("learningRate"), 0.9, seed), epoch -> progress.done((double) epoch / p.integer("epochs")))),
    KNN("knn", "k nearest neighbours on PCA features", "Smile", "pca=50;k=3",
            "k=1,3,5,7", "pca=30,50,80;k=1,3,5,7,9", 60_000, 70,
            (images, p, seed, progress) -> SmileTrainers.knn(images, p.integer("pca"), p.integer("k"))),
    RANDOM_FOREST("random-forest", "Random forest", "Smile", "trees=100;mtry=28",
            "trees=50,100", "trees=50,100,200;mtry=14,28,56", 60_000, 190,
            (images, p, seed, progress) -> SmileTrainers.randomForest(images, p.integer("trees"), p.integer("mtry"), seed)),
    WEKA_RANDOM_FOREST("weka-random-forest", "Random forest", "Weka", "trees=100",
            "trees=50,100", "trees=50,100,200", 30_000, 110,
            (images, p, seed, progress) -> WekaTrainers.randomForest(images, p.integer("trees"), seed)),
    LOGISTIC_REGRESSION("logistic-regression", "Logistic regression", "Smile", "lambda=0.1",
            "lambda=0.01,0.1,1", "lambda=0.001,0.01,0.1,1,10", 20_000, 70,
            (images, p, seed, progress) -> SmileTrainers.logisticRegression(images, p.decimal("lambda"))),
    WEKA_J48("weka-j48", "Decision tree (J48)", "Weka", "confidenceFactor=0.25;minNumObj=2",
            "confidenceFactor=0.1,0.25", "confidenceFactor=0.05,0.1,0.25,0.4;minNumObj=2,5,10", 20_000, 150,
            (images, p, seed, progress) -> WekaTrainers.j48(images, p.decimal("confidenceFactor"), p.integer("minNumObj"))),
    DECISION_TREE("decision-tree", "Decision tree (CART)", "Smile", "maxDepth=20;nodeSize=5",
            "maxDepth=10,20,30", "maxDepth=10,15,20,25,30,40;nodeSize=1,5,10", 60_000, 15,
            (images, p, seed, progress) -> SmileTrainers.decisionTree(images, p.integer("maxDepth"), p.integer("nodeSize")));

    /** How much tuning a run does: none (the defaults), a small grid or a large one. */
    public enum GridSize {
        NONE, SMALL, LARGE;

        public static GridSize parse(String name) {
            return Arrays.stream(values()).filter(size -> size.name().equalsIgnoreCase(name == null ? "" : name)).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("Unknown grid size '" + name + "': use none, small or large"));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String key;
    private final String title;
    private final String library;
    private final String defaults;
    private final String small;
    private final String large;
    private final int trainingImages;
    private final int cost;
    private final Learner learner;

    Algorithm(String key, String title, String library, String defaults, String small, String large, int trainingImages,
              int cost, Learner learner) {
        this.key = key;
        this.title = title;
        this.library = library;
        this.defaults = defaults;
        this.small = small;
        this.large = large;
        this.trainingImages = trainingImages;
        this.cost = cost;
        this.learner = learner;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    public String library() {
        return library;
    }

    /** MNIST training images of the final fit when a run does not say. */
    public int trainingImages() {
        return trainingImages;
    }

    /** Relative cost of a default fit (about its seconds on two cores), to weigh progress between models. */
    public int cost() {
        return cost;
    }

    public Learner learner() {
        return learner;
    }

    /** The grid of this size: the defaults, with the axes the size varies. */
    public Grid grid(GridSize size) {
        var axes = new LinkedHashMap<>(Grid.parse(defaults).axes());
        var varied = switch (size) {
            case NONE -> "";
            case SMALL -> small;
            case LARGE -> large;
        };
        if (!varied.isEmpty()) {
            axes.putAll(Grid.parse(varied).axes());
        }
        return new Grid(axes);
    }

    /** A grid given by hand: the defaults, with the axes it names replaced (unknown names are refused). */
    public Grid grid(String overrides) {
        var axes = new LinkedHashMap<>(Grid.parse(defaults).axes());
        for (var axis : Grid.parse(overrides).axes().entrySet()) {
            if (!axes.containsKey(axis.getKey())) {
                throw ProblemException.badRequest(title + " has no hyperparameter '" + axis.getKey() + "': use one of " + axes.keySet());
            }
            axes.put(axis.getKey(), axis.getValue());
        }
        return new Grid(axes);
    }

    public static Algorithm parse(String key) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.key.equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Unknown algorithm '" + key + "': use one of "
                        + Arrays.stream(values()).map(Algorithm::key).toList()));
    }
}
