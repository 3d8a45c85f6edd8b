package io.sparktrain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.table.ClipPlan;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.ImbalancePlan;
import java.io.File;
import java.util.List;
import java.util.Map;
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
        assertEquals("median", table.section().features().missing().strategy());
        assertEquals("none", table.section().features().imbalance().method());
        assertEquals("standard", table.section().features().normalize());
        assertEquals(List.of("NA", "?"), table.section().options().nullValues());
    }

    @Test
    void theShippedTableConfigsAreValid() {
        for (String conf : List.of("linear-regression.conf", "xor.conf", "mlp-regression.conf", "credit-mlp.conf",
                "cars-multi-output.conf")) {
            File file = new File(System.getProperty("sparktrain.project.dir"), "conf/" + conf);
            assertTrue(TrainJobConfigLoader.load(file, List.of()).data().table().isPresent(), conf);
        }
    }

    /** A graph with a class output and a number output, one label column each. */
    private static final String TWO_OUTPUTS = """
            data {
              format = csv
              table {
                train = "t.csv", features = ["a", "b"]
                outputs = [
                  { output = kind, label = "k", labels = ["x", "y", "z"] }
                  { output = size, label = "s" }
                ]
              }
            }
            model {
              input { size = 2 }
              graph {
                vertices = [
                  { name = trunk, inputs = [input], type = dense, units = 4, activation = relu }
                  { name = kind, inputs = [trunk], type = output, units = 3, activation = softmax, loss = cross-entropy }
                  { name = size, inputs = [trunk], type = output, units = 1, activation = identity, loss = mse }
                ]
                outputs = [kind, size]
              }
            }
            """;

    @Test
    void aGraphWithSeveralOutputsLearnsTheLabelColumnEachOutputNames() {
        TableSection section = load(TWO_OUTPUTS).data().table().orElseThrow().section();
        assertTrue(section.multiOutput());
        assertEquals(List.of(new OutputLabel("kind", "k", List.of("x", "y", "z")), new OutputLabel("size", "s", List.of())),
                section.outputs());
    }

    @Test
    void outputsThatDoNotMatchTheGraphOrTheirLabelsAreNamed() {
        String swapped = problems(TWO_OUTPUTS.replace("outputs = [kind, size]", "outputs = [size, kind]"));
        assertTrue(swapped.contains("data.table.outputs: names outputs [kind, size], but model.graph.outputs is [size,"
                + " kind]; give one entry per output, in that order"), swapped);
        String units = problems(TWO_OUTPUTS.replace("labels = [\"x\", \"y\", \"z\"]", "labels = [\"x\", \"y\"]")
                .replace("{ output = size, label = \"s\" }", "{ output = size, label = \"s\", labels = [\"p\", \"q\"] }"));
        assertTrue(units.contains("model.graph.outputs[0] (kind): is 3 but data.table.outputs[0].labels names 2 classes"),
                units);
        assertTrue(units.contains("model.graph.outputs[1] (size): is 1 but data.table.outputs[1].labels names 2 classes"),
                units);
        String both = problems(TWO_OUTPUTS, "data.table.label=k", "data.labels=[x, y, z]",
                "pipeline.imbalance.method=oversample", "train.validation-fraction=0.1");
        assertTrue(both.contains("data.table.label: is set, and so is data.table.outputs"), both);
        assertTrue(both.contains("data.labels: is [x, y, z], but with data.table.outputs each output names its own"
                + " classes"), both);
        assertTrue(both.contains("pipeline.imbalance.method: is 'oversample', which rebalances the classes of one label"),
                both);
        assertTrue(both.contains("train.early-stopping.metric: is 'accuracy', but a network with several outputs"
                + " (data.table.outputs) is watched by its validation loss; set it to loss"), both);
    }

    @Test
    void aGraphWithSeveralOutputsAndOneTableLabelIsToldAboutOutputs() {
        String message = problems(TWO_OUTPUTS.replace("outputs = [\n", "unused = [\n").replace(
                "train = \"t.csv\", features", "train = \"t.csv\", label = \"k\", features"));
        assertTrue(message.contains("model.graph.outputs: names 2 outputs, but data.format 'csv' gives one label per"
                + " example; train a graph with one output, or name each output's label column in data.table.outputs"),
                message);
    }

    @Test
    void aDeclaredSchemaIsParsedAndHeldAgainstTheColumnsRoles() {
        TrainJobConfig config = load(REGRESSION, "data.table.schema=\"id INT, a DOUBLE, b INT, y DOUBLE\"");
        assertEquals(List.of("id", "a", "b", "y"),
                List.of(config.data().table().orElseThrow().section().options().schema().orElseThrow().fieldNames()));
        assertTrue(load(REGRESSION).data().table().orElseThrow().section().options().schema().isEmpty());

        String message = problems(REGRESSION, "data.table.schema=\"a STRING, y DOUBLE\"");
        assertTrue(message.contains("data.table.schema: does not declare [b], which the config names; declared are [a, y]"),
                message);
        assertTrue(message.contains("data.table.schema: declares 'a' as STRING, but it is a numeric feature; declare it"
                + " DOUBLE"), message);
        String ddl = problems(REGRESSION, "data.table.schema=\"a DOUBLE b\"");
        assertTrue(ddl.contains("data.table.schema: is not a Spark DDL schema ("), ddl);
    }

    @Test
    void aSoftmaxOutputForANumberToPredictIsNamed() {
        String message = problems(REGRESSION.replace("units = 1, activation = identity, loss = mse",
                "units = 3, activation = softmax, loss = cross-entropy"));
        assertTrue(message.contains("model.layers[1].units: is 3 unit(s) with loss cross-entropy, but the label is a number to predict"),
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
                + " allowed: loss, rmse, mae"), message);
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
    void badRowsDefaultToErrorAndTakeOnlyThePolicies() {
        assertEquals(BadRowPolicy.ERROR, load(REGRESSION).data().table().orElseThrow().section().badRows());
        assertEquals(BadRowPolicy.SKIP, load(REGRESSION, "data.table.bad-rows=skip").data().table().orElseThrow()
                .section().badRows());
        String message = problems(REGRESSION, "data.table.bad-rows=drop");
        assertTrue(message.contains("data.table.bad-rows: is 'drop'; allowed: error, skip, keep"), message);
    }

    @Test
    void aLibSvmTableHasColumnsF1ToFnAndNeedsItsFeatureCount() {
        String libsvm = REGRESSION.replace("format = csv, table { train = \"t.csv\", label = \"y\", features = [\"a\", \"b\"] }",
                "format = libsvm, table { train = \"t.libsvm\", num-features = 2 }");
        TableSection table = load(libsvm).data().table().orElseThrow().section();
        assertEquals(List.of("f1", "f2"), table.features().columns());
        assertEquals("label", table.label());
        assertEquals(2, table.options().numFeatures());
        String message = problems(libsvm, "data.table.num-features=0", "data.table.label=y");
        assertTrue(message.contains("data.table.num-features: is 0; allowed:"), message);
        assertTrue(message.contains("data.table.label: is not used for libsvm: the columns are label and f1..f1"),
                message);
    }

    @Test
    void idxDataStillNeedsClassNames() {
        String message = problems("""
                data { train { images = "a", labels = "b" }, test { images = "c", labels = "d" } }
                model { input { size = 4 }, layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ] }
                """);
        assertTrue(message.contains("data.labels: is required for idx data"), message);
    }

    private static final String CLASSIFIER = REGRESSION.replace("units = 1, activation = identity, loss = mse",
            "units = 2, activation = softmax, loss = cross-entropy") + "data.labels = [\"no\", \"yes\"]\n";

    @Test
    void thePipelineSectionBuildsTheWholePlan() {
        FeaturePlan plan = load(CLASSIFIER + """
                data.table.categorical = ["c"]
                pipeline {
                  missing-by-column { b = constant }
                  fill-value = -1
                  sentinels { a = 0 }
                  indicators = ["a"]
                  clip { columns = ["b"], lower = 0.05 }
                  normalize = robust
                  categorical = index
                  imbalance { method = smote, ratio = 0.5, k = 3 }
                }
                """).data().table().orElseThrow().section().features();
        assertEquals(List.of("c"), plan.categorical());
        assertEquals("constant", plan.missing().strategyOf("b"));
        assertEquals("median", plan.missing().strategyOf("a"));
        assertEquals(Map.of("a", 0.0), plan.missing().sentinels());
        assertEquals(new ClipPlan(List.of("b"), 0.05, 0.99), plan.clip());
        assertEquals("robust", plan.normalize());
        assertEquals("index", plan.encoding());
        assertEquals(new ImbalancePlan("smote", 0.5, 3, 42), plan.imbalance());
    }

    @Test
    void pipelineMistakesAreNamedTogetherWithTheirKeys() {
        String message = problems(CLASSIFIER, "pipeline.sentinels.z=0", "pipeline.missing-by-column.a=mode",
                "pipeline.imbalance.method=smot", "pipeline.clip.lower=0.9", "pipeline.clip.upper=0.1",
                "pipeline.normalize=robustt");
        assertTrue(message.contains("pipeline.sentinels.z: names column 'z', which is not in data.table.features [a, b]"),
                message);
        assertTrue(message.contains("pipeline.missing-by-column.a: is 'mode'; allowed: drop, mean, median, most-frequent,"
                + " constant"), message);
        assertTrue(message.contains("pipeline.imbalance.method: is 'smot'; allowed: none, class-weights, oversample,"
                + " undersample, smote"), message);
        assertTrue(message.contains("pipeline.clip.lower: is 0.9 but upper is 0.1"), message);
        assertTrue(message.contains("pipeline.normalize: is 'robustt'; allowed: standard, min-max, robust, none"), message);
    }

    @Test
    void classWeightsNeedOneSoftmaxUnitPerClassAndClassesAtAll() {
        String sigmoid = CLASSIFIER.replace("units = 2, activation = softmax, loss = cross-entropy",
                "units = 1, activation = sigmoid, loss = binary-cross-entropy");
        String message = problems(sigmoid, "pipeline.imbalance.method=class-weights");
        assertTrue(message.contains("pipeline.imbalance.method: is class-weights, which weighs each output unit's loss,"
                + " but the output layer has 1 unit(s) for 2 classes"), message);
        message = problems(REGRESSION, "pipeline.imbalance.method=oversample");
        assertTrue(message.contains("pipeline.imbalance.method: is 'oversample', but data.labels is empty"), message);
    }

    @Test
    void indicatorsWidenTheInputAndCategoricalColumnsDeferTheCheck() {
        String message = problems(REGRESSION, "pipeline.indicators=[a]");
        assertTrue(message.contains("model.input.size: is 2 but data.table.features names 2 columns and"
                + " pipeline.indicators adds 1; set model.input.size = 3"), message);
        assertEquals(List.of("c"), load(REGRESSION, "data.table.categorical=[c]", "model.input.size=9").data().table()
                .orElseThrow().section().features().categorical());
    }

    /**
     * Column names that Spark must quote are plain HOCON strings in lists and values, and quoted
     * HOCON keys where a setting is keyed by column, in the file and in overrides alike.
     */
    @Test
    void columnNamesWithDotsSpacesBracketsBackticksAndNonAsciiLettersAreQuotedStringsAndKeys() {
        String awkward = """
                data {
                  format = csv
                  table { train = "t.csv", label = "y.class [`1`]-größe", features = ["a.b", "f`g", "my col", "名前"] }
                }
                model {
                  input { size = 5 }
                  layers = [ { type = output, units = 1, activation = identity, loss = mse } ]
                }
                pipeline {
                  missing-by-column { "a.b" = constant }
                  sentinels { "f`g" = 0 }
                  indicators = ["my col"]
                  clip { columns = ["名前"] }
                }
                """;
        TableSection table = load(awkward, "pipeline.missing-by-column.\"my col\"=drop").data().table().orElseThrow()
                .section();
        FeaturePlan plan = table.features();
        assertEquals("y.class [`1`]-größe", table.label());
        assertEquals(List.of("a.b", "f`g", "my col", "名前"), plan.columns());
        assertEquals(List.of("constant", "drop", "median"), List.of(plan.missing().strategyOf("a.b"),
                plan.missing().strategyOf("my col"), plan.missing().strategyOf("名前")));
        assertEquals(Map.of("f`g", 0.0), plan.missing().sentinels());
        assertEquals(List.of("my col"), plan.missing().indicators());
        assertEquals(List.of("名前"), plan.clip().columns());
        TableSection declared = load(awkward, "data.table.schema=\"`a.b` DOUBLE, `f``g` DOUBLE, `my col` DOUBLE,"
                + " `名前` DOUBLE, `y.class [``1``]-größe` DOUBLE\"").data().table().orElseThrow().section();
        assertEquals(List.of("a.b", "f`g", "my col", "名前", "y.class [`1`]-größe"),
                List.of(declared.options().schema().orElseThrow().fieldNames()));

        String message = problems(awkward, "pipeline.sentinels.\"z.q\"=0", "pipeline.missing-by-column.\"a.b\"=mode");
        assertTrue(message.contains("pipeline.sentinels.\"z.q\": names column 'z.q', which is not in"
                + " data.table.features [a.b, f`g, my col, 名前]"), message);
        assertTrue(message.contains("pipeline.missing-by-column.\"a.b\": is 'mode'; allowed:"), message);
    }
}
