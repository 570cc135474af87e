package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.registry.entity.DigitClassifier;
import app.digits.registry.entity.GridPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    /** Reads the brightest band when its "skill" is 1, guesses {@code guess} otherwise: a learner with a known best point. */
    private static final Learner BANDS = (images, parameters, seed, progress) -> {
        int skill = parameters.integer("skill");
        int guess = parameters.integer("guess");
        return (DigitClassifier) pixels -> {
            var probabilities = new double[10];
            probabilities[skill == 1 ? brightestBand(pixels) : guess] = 1;
            return probabilities;
        };
    };

    private static int brightestBand(byte[] pixels) {
        int best = 0;
        long bestSum = -1;
        for (int digit = 0; digit < 10; digit++) {
            long sum = 0;
            for (int i = (2 + digit * 2) * 28; i < (4 + digit * 2) * 28; i++) {
                sum += pixels[i] & 0xFF;
            }
            if (sum > bestSum) {
                bestSum = sum;
                best = digit;
            }
        }
        return best;
    }

    @Test
    void aGridIsEveryCombinationWithTheLastAxisFastest() {
        var grid = Grid.parse("C=1,10; gamma=0.1,0.2,0.3");
        assertEquals(6, grid.size());
        assertEquals(Map.of("C", "1", "gamma", "0.2"), grid.points().get(1).values());
        assertEquals(Map.of("C", "10", "gamma", "0.1"), grid.points().get(3).values());
        assertEquals("C", grid.mainAxis());
        assertEquals("gamma", Grid.parse("C=10;gamma=0.1,0.2").mainAxis());
        assertEquals("C=1,10;gamma=0.1,0.2,0.3", grid.toString());
    }

    @Test
    void malformedOrHugeGridsAreRefused() {
        for (var spec : List.of("C", "=1", "C=1,,2", "C=1;C=2", "a=1,2,3,4,5,6,7,8;b=1,2,3,4,5,6,7,8,9")) {
            assertEquals(TrainingException.Kind.INVALID, assertThrows(TrainingException.class, () -> Grid.parse(spec)).kind(), spec);
        }
    }

    @Test
    void foldsAreStratifiedAndCoverEveryImageOnce() {
        var images = Bands.of(31, 1);
        var fold = GridSearch.stratifiedFolds(images, 3, 5);
        var counts = new int[3][10];
        for (int i = 0; i < images.size(); i++) {
            counts[fold[i]][images.get(i).label()]++;
        }
        for (int digit = 0; digit < 10; digit++) {
            int min = Math.min(counts[0][digit], Math.min(counts[1][digit], counts[2][digit]));
            int max = Math.max(counts[0][digit], Math.max(counts[1][digit], counts[2][digit]));
            assertTrue(max - min <= 1, "digit " + digit + " spread over folds " + min + ".." + max);
            assertEquals(31, counts[0][digit] + counts[1][digit] + counts[2][digit]);
        }
        assertEquals(java.util.Arrays.toString(fold), java.util.Arrays.toString(GridSearch.stratifiedFolds(images, 3, 5)));
    }

    @Test
    void theSearchScoresEveryPointByCrossValidationAndPicksTheBest() {
        var started = new ArrayList<String>();
        var done = new ArrayList<GridPoint>();
        var outcome = GridSearch.search(Bands.of(12, 2), Grid.parse("skill=0,1;guess=0,3"), 4, 9, BANDS,
                new GridSearch.Listener() {
                    @Override
                    public void pointStarted(int point, int total, Hyperparameters parameters) {
                        started.add(point + "/" + total + " " + parameters);
                    }

                    @Override
                    public void pointDone(int point, int total, GridPoint result) {
                        done.add(result);
                    }
                });
        assertEquals(List.of("1/4 skill=0, guess=0", "2/4 skill=0, guess=3", "3/4 skill=1, guess=0", "4/4 skill=1, guess=3"), started,
                "points keep the order of the grid's axes");
        assertEquals(4, outcome.points().size());
        assertEquals(outcome.points(), done);
        assertEquals(0.1, outcome.points().get(0).meanAccuracy(), 1e-9, "a constant guess is right for one digit in ten");
        assertEquals(0.0, outcome.points().get(0).stdAccuracy(), 1e-9, "stratified folds hold each digit equally");
        assertEquals(1.0, outcome.points().get(2).meanAccuracy(), 1e-9);
        assertEquals(Map.of("skill", "1", "guess", "0"), outcome.best().values(), "ties go to the earlier point");
        assertTrue(outcome.points().stream().allMatch(point -> point.seconds() >= 0));
    }

    @Test
    void aSinglePointIsNotSearched() {
        var outcome = GridSearch.search(Bands.of(2, 2), Grid.parse("skill=1;guess=0"), 3, 9,
                (images, parameters, seed, progress) -> { throw new AssertionError("no fit expected"); }, null);
        assertTrue(outcome.points().isEmpty());
        assertEquals(Map.of("skill", "1", "guess", "0"), outcome.best().values());
    }

    @Test
    void tooFewImagesForTheFoldsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> GridSearch.search(Bands.of(1, 2),
                Grid.parse("skill=0,1;guess=0"), 3, 9, BANDS, null));
    }

    @Test
    void hyperparametersReadNumbersAndChoicesOrSayWhatIsWrong() {
        var parameters = Hyperparameters.of("k", 3, "gamma", 0.025, "augmentation", "Writing", "bad", "x", "C", 10.0);
        assertEquals(3, parameters.integer("k"));
        assertEquals(0.025, parameters.decimal("gamma"));
        assertEquals(CnnBatches.Augmentation.WRITING, parameters.choice("augmentation", CnnBatches.Augmentation.class));
        assertEquals("Hyperparameter bad must be a whole number, got x",
                assertThrows(TrainingException.class, () -> parameters.integer("bad")).getMessage());
        assertEquals(TrainingException.Kind.INVALID,
                assertThrows(TrainingException.class, () -> parameters.choice("bad", CnnBatches.Augmentation.class)).kind());
        assertEquals(TrainingException.Kind.INVALID, assertThrows(TrainingException.class, () -> parameters.decimal("missing")).kind());
        assertEquals("k=3, gamma=0.025, augmentation=Writing, bad=x, C=10", parameters.toString(), "in order, whole decimals plain");
    }
}
