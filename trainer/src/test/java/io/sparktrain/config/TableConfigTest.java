package io.sparktrain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Table inputs in the job config: what is read, and the mistakes that are named before Spark starts. */
class TableConfigTest {
    private static final String REGRESSION = """
            data { format = csv, table { train = "t.csv", label = "y", features = ["a", "b"] } }
            model {
              input { size = 2 }
              layers = [ { type = dense, units = 4, activation = relu }, { type = output, units = 1, activation = identity, loss = mse } ]
            }
            """;

    private static TrainJobConfig load(String hocon, String... overrides) {
        return TrainJobConfigLoader.load("test.conf", ConfigFactory.parseString(hocon), List.of(overrides));
    }

    private static String problems(String hocon, String... overrides) {
        return assertThrows(ConfigException.class, () -> load(hocon, overrides)).getMessage();
    }

    @Test
    void aRegressionTableGetsTheDefaultsAndNoClasses() {
        TrainJobConfig config = load(REGRESSION);
        DataInputs.Table table = config.data().table().orElseThrow();
        assertTrue(config.data().regression());
        assertEquals(0.2, table.testFraction());
        assertEquals(List.of("a", "b"), table.section().features().columns());
        assertEquals("median", table.section().features().missing());
        assertEquals("standard", table.section().features().normalize());
        assertEquals(List.of("NA", "?"), table.section().options().nullValues());
    }

    @Test
    void theShippedTableConfigsAreValid() {
        for (String conf : List.of("linear-regression.conf", "xor.conf", "mlp-regression.conf")) {
            File file = new File(System.getProperty("sparktrain.project.dir"), "conf/" + conf);
            assertTrue(TrainJobConfigLoader.load(file, List.of()).data().table().isPresent(), conf);
        }
    }

    @Test
    void aSoftmaxOutputForANumberToPredictIsNamed() {
        String message = problems(REGRESSION.replace("units = 1, activation = identity, loss = mse",
                "units = 3, activation = softmax, loss = cross-entropy"));
        assertTrue(message.contains("model.layers[1].units: is 3 unit(s) with loss cross-entropy, but data.labels is empty"),
                message);
    }

    @Test
    void inputSizeMustMatchTheFeatureColumns() {
        String message = problems(REGRESSION, "model.input.size=5");
        assertTrue(message.contains("model.input.size: is 5 but data.table.features names 2 columns"), message);
    }

    @Test
    void aClassifierMetricCannotStopARegression() {
        String message = problems(REGRESSION, "train.early-stopping.enabled=true", "train.validation-fraction=0.1");
        assertTrue(message.contains("train.early-stopping.metric: is 'accuracy', which a regression does not report;"
                + " allowed: [loss, rmse, mae]"), message);
    }

    @Test
    void missingFeaturesLabelInTheFeaturesAndNoTestDataAreNamedTogether() {
        String message = problems(REGRESSION.replace("features = [\"a\", \"b\"]", "features = [\"a\", \"y\"]"),
                "data.table.test-fraction=0");
        assertTrue(message.contains("data.table.features: contains the label column 'y'"), message);
        assertTrue(message.contains("data.table.test-fraction: is 0 and there is no data.table.test"), message);
    }

    @Test
    void oneSigmoidUnitServesTwoClassesButThreeClassesNeedThreeUnits() {
        String binary = REGRESSION.replace("units = 1, activation = identity, loss = mse",
                "units = 1, activation = sigmoid, loss = binary-cross-entropy");
        assertEquals(2, load(binary, "data.labels=[\"no\", \"yes\"]").data().numClasses());
        String message = problems(binary, "data.labels=[\"a\", \"b\", \"c\"]");
        assertTrue(message.contains("model.layers[1].units: is 1 but data.labels names 3 classes"), message);
    }

    @Test
    void idxDataStillNeedsClassNames() {
        String message = problems("""
                data { train { images = "a", labels = "b" }, test { images = "c", labels = "d" } }
                model { input { size = 4 }, layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ] }
                """);
        assertTrue(message.contains("data.labels: is required for idx data"), message);
    }
}
