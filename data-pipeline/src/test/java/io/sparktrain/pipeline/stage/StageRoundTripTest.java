package io.sparktrain.pipeline.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.io.File;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one save/load test every custom stage goes through: the stage as configured and, fitted on a
 * small frame, its model are saved, loaded through the class's own {@code load}, and must give the
 * same params and exactly the same output (for an imbalance model: the same resampled rows).
 */
@LocalSpark(threads = 2)
class StageRoundTripTest {
    private static SparkSession spark;

    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of(new SentinelMissing().setInputCols("income").setSentinels(0), "missing"),
                Arguments.of(new MissingIndicator().setInputCols("income", "debt").setMissingValue(0), "missing"),
                Arguments.of(new ConstantImputer().setInputCols("debt").setOutputCols("debt_filled").setValue(-1),
                        "missing"),
                Arguments.of(new QuantileClipper().setInputCols("income").setOutputCols("income_clipped")
                        .setLowerQuantile(0.25).setUpperQuantile(0.75), "missing"),
                Arguments.of(new ColumnCopier().setInputCols("income", "debt").setOutputCols("income.copy", "debt`copy"),
                        "missing"),
                Arguments.of(new RandomOversampler().setTargetRatio(0.75).setSeed(5), "imbalance"),
                Arguments.of(new RandomUndersampler().setTargetRatio(0.5).setSeed(5), "imbalance"),
                Arguments.of(new ClassWeighter().setWeightCol("w").setTargetRatio(0.5), "imbalance"),
                Arguments.of(new Smote().setK(2).setSeed(9), "imbalance"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void savedAndLoadedStagesGiveIdenticalOutput(PipelineStage stage, String frame, @TempDir File dir) throws Exception {
        Dataset<Row> data = frame.equals("missing") ? MissingValueStagesTest.frame(spark) : ImbalanceStagesTest.frame(spark);
        PipelineStage loadedStage = roundTrip(stage, new File(dir, "stage"));
        assertEquals(params(stage), params(loadedStage));
        Transformer fitted = stage instanceof Estimator<?> estimator ? (Model<?>) estimator.fit(data) : (Transformer) stage;
        Transformer loaded = roundTrip(fitted, new File(dir, "fitted"));
        assertNotSame(fitted, loaded);
        assertEquals(params(fitted), params(loaded));
        assertEquals(rows(fitted.transform(data)), rows(loaded.transform(data)));
        if (fitted instanceof TrainingResampler resampler) {
            assertEquals(rows(resampler.resample(data)), rows(((TrainingResampler) loaded).resample(data)));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends PipelineStage> T roundTrip(T stage, File dir) throws Exception {
        String path = dir.toURI().toString();
        ((MLWritable) stage).write().save(path);
        MLReader<T> reader = (MLReader<T>) stage.getClass().getMethod("read").invoke(null);
        return reader.load(path);
    }

    /** Every param with its value as Spark saves it (arrays compare by content), sorted by name. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> params(Params stage) {
        return stage.extractParamMap().toList().stream()
                .map(pair -> pair.param().name() + "=" + ((Param) pair.param()).jsonEncode(pair.value())).sorted()
                .toList();
    }

    private static List<String> rows(Dataset<Row> out) {
        return out.collectAsList().stream().map(Row::toString).sorted().toList();
    }
}
