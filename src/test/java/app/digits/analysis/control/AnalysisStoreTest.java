package app.digits.analysis.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.dataset.entity.LabelledImage;
import app.digits.platform.control.InMemoryMongo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stored analysis reads back exactly what was computed, and only for the data it was computed on. */
class AnalysisStoreTest {

    private InMemoryMongo mongo;
    private AnalysisStore store;

    @BeforeEach
    void start() {
        mongo = new InMemoryMongo();
        store = new AnalysisStore();
        store.database = mongo.database("analysis-test");
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    private static LabelledImage image(int label, int ink) {
        var pixels = new byte[LabelledImage.PIXELS];
        for (int i = 0; i < ink; i++) {
            pixels[i * 7] = (byte) 200;
        }
        return new LabelledImage(label, pixels);
    }

    @Test
    void theProfileComesBackAsComputedForTheSameCountsOnly() {
        var train = List.of(image(1, 40), image(1, 5), image(7, 60), image(3, 90));
        var test = List.of(image(7, 60), image(2, 30));
        var profile = new DatasetProfile(DatasetFacts.of(train, test, 60_000, 10_000), MeanImages.of(train));
        store.saveProfile(train.size(), test.size(), profile);

        var read = store.profile(train.size(), test.size()).orElseThrow();
        assertArrayEquals(profile.facts().trainCounts(), read.facts().trainCounts());
        assertArrayEquals(profile.facts().testCounts(), read.facts().testCounts());
        assertArrayEquals(profile.facts().intensityShares(), read.facts().intensityShares());
        assertArrayEquals(profile.facts().meanInk(), read.facts().meanInk());
        assertArrayEquals(profile.facts().inkDeviation(), read.facts().inkDeviation());
        assertEquals(profile.facts().blankPixelShare(), read.facts().blankPixelShare());
        assertEquals(1, read.facts().inBothSets());
        assertEquals(List.of(1), read.facts().nearBlank());
        for (int digit = 0; digit < 10; digit++) {
            assertArrayEquals(profile.means()[digit], read.means()[digit]);
        }
        assertTrue(store.profile(train.size() + 1, test.size()).isEmpty(), "more training images: computed again");
    }

    @Test
    void suspicionsAreKeptPerModelAndTrainingSetSize() {
        var suspicions = List.of(new AnalysisStore.Suspicion(12, 4, 0.998), new AnalysisStore.Suspicion(3, 9, 0.991));
        store.saveSuspicions("cnn-1", 60_000, suspicions);
        store.saveSuspicions("cnn-1", 60_000, suspicions.subList(0, 1));

        assertEquals(suspicions.subList(0, 1), store.suspicions("cnn-1", 60_000).orElseThrow(), "saving again replaces");
        assertTrue(store.suspicions("mlp-1", 60_000).isEmpty());
        assertTrue(store.suspicions("cnn-1", 60_001).isEmpty());
    }
}
