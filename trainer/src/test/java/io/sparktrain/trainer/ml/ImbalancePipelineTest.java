package io.sparktrain.trainer.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.stage.ClassCounts;
import io.sparktrain.pipeline.stage.ClassWeighter;
import io.sparktrain.pipeline.stage.RandomOversampler;
import io.sparktrain.pipeline.stage.RandomUndersampler;
import io.sparktrain.pipeline.stage.Smote;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.testing.TrainerSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The imbalance stages in a plain Spark ML Pipeline before a network classifier, on 194 rows of
 * class 0 and 6 of class 1: the network trains on the resampled rows (imbalanced-learn's
 * pipeline: resampling at fit), and the fitted pipeline transforms rows without resampling them.
 */
@SlowTest
@LocalSpark(threads = 2, factory = TrainerSpark.class)
class ImbalancePipelineTest {
    private static final int MAJORITY = 194;
    private static final int MINORITY = 6;
    private static final String SPEC = """
            model {
              input { size = 2 }
              layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ]
            }
            train { strategy = local, epochs = 1, batch-size = 32 }
            """;
    private static SparkSession spark;

    private static Dataset<Row> table() {
        StructType schema = new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType)
                .add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAJORITY + MINORITY; i++) {
            boolean minority = i % 33 == 0 && i / 33 < MINORITY;
            rows.add(RowFactory.create(minority ? -1.0 - i * 0.01 : 1.0 + i * 0.01, i % 7 * 0.1, minority ? 1.0 : 0.0));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Pipeline pipeline(PipelineStage imbalance, String workDir) {
        VectorAssembler features = new VectorAssembler().setInputCols(new String[] {"x", "y"}).setOutputCol("features");
        NetworkClassifier network = (NetworkClassifier) new NetworkClassifier()
                .setSpec(SPEC + "train.averaging.work-dir = \"" + workDir + "\"\n");
        return new Pipeline().setStages(new PipelineStage[] {features, imbalance, network});
    }

    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of(new RandomOversampler().setTargetRatio(1.0), 2L * MAJORITY),
                Arguments.of(new RandomUndersampler().setTargetRatio(1.0), 2L * MINORITY),
                Arguments.of(new Smote().setK(2).setTargetRatio(1.0), 2L * MAJORITY),
                Arguments.of(new ClassWeighter().setTargetRatio(1.0), (long) MAJORITY + MINORITY));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void theNetworkTrainsOnTheResampledRowsAndTheFittedPipelineKeepsEveryRow(PipelineStage imbalance, long trained,
            @TempDir Path dir) {
        Dataset<Row> table = table();
        PipelineModel fitted = pipeline(imbalance, dir.toString()).fit(table);

        NetworkModel network = (NetworkModel) fitted.stages()[2];
        assertEquals(new TrainingSummary(trained, fitted.stages()[1].uid()), network.summary(), imbalance.toString());
        Dataset<Row> scored = fitted.transform(table);
        assertEquals(Map.of(0.0, (long) MAJORITY, 1.0, (long) MINORITY), ClassCounts.of(scored, "label").counts(),
                "transform resamples nothing");
        assertEquals(MAJORITY + MINORITY, scored.filter("prediction is not null").count());
    }

    @Test
    void withoutAnImbalanceStageTheNetworkTrainsOnTheRowsItIsGiven(@TempDir Path dir) {
        VectorAssembler features = new VectorAssembler().setInputCols(new String[] {"x", "y"}).setOutputCol("features");
        NetworkModel network = (NetworkModel) new NetworkClassifier()
                .setSpec(SPEC + "train.averaging.work-dir = \"" + dir + "\"\n").fit(features.transform(table()));
        assertEquals(new TrainingSummary(MAJORITY + MINORITY, ""), network.summary());
    }

    @Test
    void smoteOnAnotherColumnThanTheNetworkReadsIsRefused(@TempDir Path dir) {
        Dataset<Row> table = new VectorAssembler().setInputCols(new String[] {"x"}).setOutputCol("x_only")
                .transform(table());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline(new Smote().setFeaturesCol("x_only").setK(2), dir.toString()).fit(table));
        assertTrue(e.getMessage().contains("synthesises rows with only column 'x_only' and the label, but"
                + " NetworkClassifier reads featuresCol 'features'"), e.getMessage());
    }
}
