package app.digits.training.control;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;

/**
 * The classifiers a training run can fit, by the name used in plans and forms: which library fits it, its
 * typed settings (whose defaults and bounds live in its settings record), the axes its small and large grid
 * searches vary, how many MNIST images its final fit uses by default (the slow Weka tree gets a third of them,
 * Weka's forest half, so the default job stays short on two cores), whether the default job trains it (Smile's
 * forest stays selectable but is left out: XGBoost's boosted trees are the default job's tree ensemble, more
 * accurate in about a third of the time; the CNN ensemble too, twice the CNN's fit, which a first start trains in
 * the background instead), and a rough cost used to estimate a run's remaining time.
 */
public enum Algorithm {
    CNN("cnn", "Convolutional network", "DJL", CnnSettings.DEFAULTS, CnnSettings::of,
            "", "learningRate=0.001,0.002,0.004;augmentation=shifts,writing,settling,numbers", 60_000, 420, true),
    CNN_ENSEMBLE("cnn-ensemble", "Convolutional networks, averaged", "DJL", CnnEnsembleSettings.DEFAULTS, CnnEnsembleSettings::of,
            "", "", 60_000, 1_000, false),
    SVM("svm", "SVM, RBF kernel on PCA features", "Smile", SmileTrainers.SvmSettings.DEFAULTS, SmileTrainers.SvmSettings::of,
            "C=5,10;gamma=0.0125,0.025,0.05", "pca=40,50,60;C=1,5,10,50;gamma=0.0125,0.025,0.05", 60_000, 200, true),
    MLP("mlp", "Multilayer perceptron", "DJL", MlpSettings.DEFAULTS, MlpSettings::of,
            "hiddenUnits=256,512", "hiddenUnits=256,512,1024;learningRate=0.001,0.002,0.004", 60_000, 20, true),
    KNN("knn", "k nearest neighbours on PCA features", "Smile", SmileTrainers.KnnSettings.DEFAULTS, SmileTrainers.KnnSettings::of,
            "k=1,3,5,7", "pca=30,50,80;k=1,3,5,7,9", 60_000, 70, true),
    RANDOM_FOREST("random-forest", "Random forest", "Smile", SmileTrainers.ForestSettings.DEFAULTS, SmileTrainers.ForestSettings::of,
            "trees=50,100", "trees=50,100,200;mtry=14,28,56", 60_000, 190, false),
    BOOSTED_TREES("boosted-trees", "Gradient-boosted trees", "XGBoost", XgboostTrainers.BoostingSettings.DEFAULTS,
            XgboostTrainers.BoostingSettings::of, "learningRate=0.2,0.3", "rounds=50,100;learningRate=0.1,0.2,0.3;maxDepth=4,6,8",
            60_000, 30, true),
    WEKA_RANDOM_FOREST("weka-random-forest", "Random forest", "Weka", WekaTrainers.ForestSettings.DEFAULTS,
            WekaTrainers.ForestSettings::of, "trees=50,100", "trees=50,100,200", 30_000, 110, true),
    LOGISTIC_REGRESSION("logistic-regression", "Logistic regression", "DJL", LogisticSettings.DEFAULTS, LogisticSettings::of,
            "lambda=0.01,0.1,1", "lambda=0.001,0.01,0.1,1,10", 60_000, 10, true),
    WEKA_J48("weka-j48", "Decision tree (J48)", "Weka", WekaTrainers.J48Settings.DEFAULTS, WekaTrainers.J48Settings::of,
            "confidenceFactor=0.1,0.25", "confidenceFactor=0.05,0.1,0.25,0.4;minNumObj=2,5,10", 20_000, 150, true),
    DECISION_TREE("decision-tree", "Decision tree (CART)", "Smile", SmileTrainers.TreeSettings.DEFAULTS, SmileTrainers.TreeSettings::of,
            "maxDepth=10,20,30", "maxDepth=10,15,20,25,30,40;nodeSize=1,5,10", 60_000, 15, true);

    /** How much tuning a run does: none (the defaults), a small grid or a large one. */
    public enum GridSize {
        NONE, SMALL, LARGE;

        public static GridSize parse(String name) {
            return Arrays.stream(values()).filter(size -> size.name().equalsIgnoreCase(name == null ? "" : name)).findFirst()
                    .orElseThrow(() -> TrainingException.invalid("Unknown grid size '" + name + "': use none, small or large"));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String key;
    private final String title;
    private final String library;
    private final AlgorithmSettings defaults;
    private final Function<Hyperparameters, AlgorithmSettings> reader;
    private final String small;
    private final String large;
    private final int trainingImages;
    private final int cost;
    private final boolean inDefaultJob;

    Algorithm(String key, String title, String library, AlgorithmSettings defaults, Function<Hyperparameters, AlgorithmSettings> reader,
              String small, String large, int trainingImages, int cost, boolean inDefaultJob) {
        this.key = key;
        this.title = title;
        this.library = library;
        this.defaults = defaults;
        this.reader = reader;
        this.small = small;
        this.large = large;
        this.trainingImages = trainingImages;
        this.cost = cost;
        this.inDefaultJob = inDefaultJob;
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

    /** The typed settings of a grid point (missing names take the defaults); a bad value is an invalid order. */
    public AlgorithmSettings settings(Hyperparameters point) {
        var values = new LinkedHashMap<>(defaults.values().values());
        values.putAll(point.values());
        return reader.apply(new Hyperparameters(values));
    }

    /** Whether a run that names no algorithm trains it (and the dashboard's form ticks it). */
    public boolean inDefaultJob() {
        return inDefaultJob;
    }

    /**
     * What a run that names no algorithm trains: all but Smile's forest, which XGBoost's boosted trees replace
     * there, and the CNN ensemble, the first start's slow follow-up.
     */
    public static List<Algorithm> defaultJob() {
        return Arrays.stream(values()).filter(Algorithm::inDefaultJob).toList();
    }

    /** Fits this algorithm with a grid point's settings. */
    public Learner learner() {
        return (images, point, seed, progress) -> settings(point).fit(images, seed, progress);
    }

    /** The grid of this size: the defaults, with the axes the size varies. */
    public Grid grid(GridSize size) {
        var axes = defaultAxes();
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
        var axes = defaultAxes();
        for (var axis : Grid.parse(overrides).axes().entrySet()) {
            if (!axes.containsKey(axis.getKey())) {
                throw TrainingException.invalid(title + " has no hyperparameter '" + axis.getKey() + "': use one of " + axes.keySet());
            }
            axes.put(axis.getKey(), axis.getValue());
        }
        return new Grid(axes);
    }

    private LinkedHashMap<String, List<String>> defaultAxes() {
        var axes = new LinkedHashMap<String, List<String>>();
        defaults.values().values().forEach((name, value) -> axes.put(name, List.of(value)));
        return axes;
    }

    public static Algorithm parse(String key) {
        return Arrays.stream(values()).filter(algorithm -> algorithm.key.equals(key == null ? "" : key.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> TrainingException.invalid("Unknown algorithm '" + key + "': use one of "
                        + Arrays.stream(values()).map(Algorithm::key).toList()));
    }
}
