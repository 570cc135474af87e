package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class DefaultModelTest {

    private static Properties shippedConfiguration() throws IOException {
        var properties = new Properties();
        try (var in = DefaultModel.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        }
        return properties;
    }

    private static String defaultOf(String field) throws NoSuchFieldException {
        return DefaultModel.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue();
    }

    @Test
    void theShippedFirstModelIsTheSmallCnnOnWritingAsOneTrainingPoint() throws IOException {
        var config = shippedConfiguration();
        var plan = DefaultModel.firstModelPlan(config.getProperty("digits.default-model.algorithm"),
                config.getProperty("digits.default-model.settings"), 60_000, 42);

        assertEquals(List.of(Algorithm.CNN), plan.algorithms());
        var points = plan.steps().getFirst().grid().points();
        assertEquals(1, points.size(), "no search: the settings are the one point");
        var settings = (CnnSettings) Algorithm.CNN.settings(points.getFirst());
        assertEquals(new CnnNetwork(16, 32, 128, 0.3f, 1), settings.network());
        assertEquals(2, settings.epochs());
        assertEquals(CnnBatches.Augmentation.WRITING, settings.augmentation());
    }

    @Test
    void theCodesDefaultsAreTheShippedConfiguration() throws Exception {
        var config = shippedConfiguration();
        assertEquals(config.getProperty("digits.default-model.algorithm"), defaultOf("algorithm"));
        assertEquals(config.getProperty("digits.default-model.settings"), defaultOf("settings"));
    }
}
