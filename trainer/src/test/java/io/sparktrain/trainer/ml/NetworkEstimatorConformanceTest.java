package io.sparktrain.trainer.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.sparktrain.pipeline.testing.DefaultReadWrite;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.testing.TrainerSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NetworkClassifier} and {@link NetworkRegressor} keep the contract Spark ML's own
 * estimators keep, checked as Spark checks its own (DefaultReadWriteTest and the param tests): the
 * documented defaults, an unfitted estimator saved and loaded with every param, {@code copy(extra)},
 * and a fitted model that saves, loads and predicts exactly the same. Eight rows and a network of
 * one layer trained for one epoch on the local strategy: the contract, not the learning, is tested.
 */
@LocalSpark(threads = 2, factory = TrainerSpark.class)
class NetworkEstimatorConformanceTest {
    private static SparkSession spark;

    /** One estimator class with what differs between a classifier and a regressor. */
    record Kind(Supplier<NetworkEstimator> create, String outputLayer, String task, String probabilityCol,
            String rawPredictionCol, List<String> appendedColumns) {
        @Override
        public String toString() {
            return create.get().getClass().getSimpleName();
        }

        NetworkEstimator withSpec() {
            return create.get().setSpec("""
                    model {
                      input { size = 2 }
                      layers = [ %s ]
                      optimizer { type = adam, learning-rate = 0.05 }
                    }
                    train { batch-size = 4 }
                    """.formatted(outputLayer));
        }
    }

    static Stream<Kind> estimators() {
        return Stream.of(
                new Kind(NetworkClassifier::new, "{ type = output, units = 2, activation = softmax, loss = cross-entropy }",
                        "classification", "probability", "rawPrediction",
                        List.of("rawPrediction", "probability", "prediction")),
                new Kind(NetworkRegressor::new, "{ type = output, units = 1, activation = identity, loss = mse }",
                        "regression", "", "", List.of("prediction")));
    }

    /** Params the training knobs and the spec leave unset: the spec file alone then describes the run. */
    private static final List<String> UNSET_WITHOUT_DEFAULT = List.of("epochs", "learningRate", "seed", "spec",
            "strategy");

    /** The defaults NetworkParams' docs and the README give; the output columns a Spark evaluator reads. */
    @ParameterizedTest
    @MethodSource("estimators")
    void defaultsAreTheDocumentedOnesAndNothingIsSet(Kind kind) {
        NetworkEstimator estimator = kind.create().get();
        Map<String, Object> defaults = new TreeMap<>();
        List<String> undefined = new ArrayList<>();
        for (Param<?> param : estimator.params()) {
            assertFalse(estimator.isSet(param), param.name() + " is set on a new estimator");
            if (estimator.hasDefault(param)) {
                Object value = estimator.getOrDefault(param);
                defaults.put(param.name(), value instanceof Object[] values ? Arrays.asList(values) : value);
            } else {
                undefined.add(param.name());
            }
        }
        assertEquals(new TreeMap<>(Map.ofEntries(Map.entry("featuresCol", "features"), Map.entry("labelCol", "label"),
                Map.entry("weightCol", ""), Map.entry("maskCol", ""), Map.entry("predictionCol", "prediction"),
                Map.entry("probabilityCol", kind.probabilityCol()), Map.entry("rawPredictionCol", kind.rawPredictionCol()),
                Map.entry("predictedLabelCol", ""), Map.entry("task", kind.task()), Map.entry("labels", List.of()),
                Map.entry("batchSize", NetworkParams.DEFAULT_BATCH_SIZE))), defaults);
        assertEquals(UNSET_WITHOUT_DEFAULT, undefined.stream().sorted().toList());

        StructType input = table().schema();
        List<String> out = Arrays.asList(kind.withSpec().transformSchema(input).fieldNames());
        assertEquals(kind.appendedColumns(), out.subList(input.size(), out.size()));
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void anUnfittedEstimatorSavesAndLoadsWithItsParams(Kind kind, @TempDir Path dir) throws Exception {
        DefaultReadWrite.roundTrip(kind.create().get(), dir.resolve("defaults"));
        DefaultReadWrite.roundTrip(everyParamSet(kind), dir.resolve("set"));
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void copyKeepsEveryParamAndAppliesTheExtras(Kind kind) {
        for (NetworkEstimator original : List.of(kind.create().get(), everyParamSet(kind))) {
            NetworkEstimator copy = original.copy(ParamMap.empty());
            assertNotSame(original, copy);
            assertEquals(original.getClass(), copy.getClass());
            assertEquals(original.uid(), copy.uid());
            DefaultReadWrite.assertSameParams(original, copy);
        }

        NetworkEstimator original = kind.create().get().setEpochs(3).setFeaturesCol("f");
        ParamMap extra = new ParamMap().put(original.epochs(), 9).put(original.seed(), 5L)
                .put(original.labels(), new String[] {"a", "b"});
        NetworkEstimator copy = original.copy(extra);
        assertEquals(9, copy.getOrDefault(copy.epochs()));
        assertEquals(5L, copy.getOrDefault(copy.seed()));
        assertArrayEquals(new String[] {"a", "b"}, copy.getOrDefault(copy.labels()));
        assertEquals("f", copy.getFeaturesCol(), "a set param the extras leave alone");
        assertFalse(copy.isSet(copy.batchSize()), "an unset param stays unset: it would override the spec's batch size");
        assertEquals(3, original.getOrDefault(original.epochs()), "the original keeps its own values");
        assertFalse(original.isSet(original.seed()));
    }

    @ParameterizedTest
    @MethodSource("estimators")
    void aFittedModelSavesLoadsAndPredictsExactlyTheSame(Kind kind, @TempDir Path dir) throws Exception {
        Dataset<Row> table = table().cache();
        NetworkEstimator estimator = kind.withSpec().setStrategy("local").setEpochs(1).setSeed(11);
        NetworkModel model = estimator.fit(table);
        assertEquals(estimator.uid(), model.uid());
        assertSame(estimator, model.parent());
        assertEquals(kind.task(), model.getTask());

        List<Row> predicted = model.transform(table).collectAsList();
        NetworkModel loaded = DefaultReadWrite.roundTrip(model, dir);
        assertEquals(predicted, loaded.transform(table).collectAsList());

        NetworkModel renamed = model.copy(new ParamMap().put(model.predictionCol(), "again"));
        assertSame(estimator, renamed.parent());
        assertEquals("prediction", model.getPredictionCol());
        assertEquals(column(predicted, "prediction"), column(renamed.transform(table).collectAsList(), "again"));
    }

    /** Every param set to a value other than its default, except task, which the class fixes. */
    private static NetworkEstimator everyParamSet(Kind kind) {
        NetworkEstimator estimator = kind.withSpec().setStrategy("local").setEpochs(3).setBatchSize(16)
                .setLearningRate(0.01).setSeed(42).setLabels("no", "yes").setFeaturesCol("f").setLabelCol("y")
                .setWeightCol("w").setMaskCol("m").setPredictionCol("p").setProbabilityCol("pr")
                .setRawPredictionCol("raw").setPredictedLabelCol("name");
        TreeSet<String> unset = new TreeSet<>();
        for (Param<?> param : estimator.params()) {
            if (!estimator.isSet(param)) {
                unset.add(param.name());
            }
        }
        assertEquals(List.of("task"), List.copyOf(unset), "a new param needs a value here to be checked");
        return estimator;
    }

    /** 8 rows of two features; label 0 for the first four and 1 for the rest (a class index or a number). */
    private static Dataset<Row> table() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(RowFactory.create(i, Vectors.dense(i / 8.0, (i % 3) / 3.0), i < 4 ? 0.0 : 1.0));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static List<Object> column(List<Row> rows, String name) {
        return rows.stream().map(row -> row.getAs(name)).toList();
    }
}
