package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.Epoch;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The settings of an ensemble of CNNs: how many members, and the settings every member shares, each member
 * trained with its own seed (the run's seed, plus one for each member before it) so the members differ in
 * their initial weights, batches and distortions. It exists because one CNN's draw lands between 99.46 and
 * 99.62 % on the MNIST test set with the same settings, and issue 9 asks for 99.6 % served: two members of
 * two 3x3 convolutions a block, probabilities averaged, scored 99.62 % (alone 99.59 and 99.55 %) on
 * 2026-11-29, at twice one member's fit and inference (README, Robustness). The defaults are those members;
 * any other member setting may be given by name, as for {@code cnn}.
 */
public record CnnEnsembleSettings(CnnSettings member, int members) implements AlgorithmSettings {

    static final CnnEnsembleSettings DEFAULTS = new CnnEnsembleSettings(new CnnSettings(new CnnNetwork(32, 64, 256, 0.3f, 2), 15,
            128, 0.002f, CnnBatches.Augmentation.NUMBERS), 2);

    public CnnEnsembleSettings {
        TrainingException.requireBetween(members, 1, 5, "members");
    }

    static CnnEnsembleSettings of(Hyperparameters p) {
        return new CnnEnsembleSettings(CnnSettings.of(p), p.integer("members"));
    }

    /** Trains the members one after the other, reporting their epochs as one sequence of {@code members} times as many. */
    @Override
    public CnnEnsemble fit(List<LabelledImage> images, long seed, Learner.Progress progress) {
        var trained = new CnnClassifier[members];
        for (int m = 0; m < members; m++) {
            int before = m * member.epochs();
            trained[m] = member.fit(images, seed + m, (epoch, of) -> progress.epochDone(
                    new Epoch(before + epoch.epoch(), epoch.trainingLoss(), epoch.validationAccuracy()), members * of));
        }
        return new CnnEnsemble(trained);
    }

    @Override
    public Hyperparameters values() {
        var values = new LinkedHashMap<>(member.values().values());
        values.put("members", String.valueOf(members));
        return new Hyperparameters(values);
    }
}
