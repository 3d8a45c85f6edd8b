package io.sparktrain.pipeline.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalSpark(threads = 2)
class FeaturePipelineTest {
    private static SparkSession spark;
    @TempDir
    Path dir;

    private Dataset<Row> table() throws IOException {
        // a: 1, 2, 6 and one missing (median 2, mean 3); b: 10, 20, 30, 40
        Dataset<Row> rows = TableTestSpark.csv(spark, dir, "t.csv", "id,a,b,y\n1,1,10,yes\n2,2,20,no\n3,6,30,yes\n4,NA,40,no\n");
        return NumericColumns.asDoubles(rows, List.of("a", "b"), "t.csv", "data.table.features");
    }

    private static double[] features(Dataset<Row> rows, int id) {
        Row row = rows.filter("id = '" + id + "'").select(FeaturePlan.FEATURES_COL).first();
        return ((Vector) row.get(0)).toArray();
    }

    @Test
    void medianImputationThenNoScalingGivesTheRawValuesWithTheMedianFilledIn() throws IOException {
        Dataset<Row> out = FeaturePipeline.of(new FeaturePlan(List.of("a", "b"), "median", "none")).fit(table())
                .transform(table());
        assertArrayEquals(new double[] {2, 40}, features(out, 4), 1e-12);
        assertArrayEquals(new double[] {6, 30}, features(out, 3), 1e-12);
    }

    @Test
    void meanImputationThenStandardScalingMatchesHandComputedValues() throws IOException {
        Dataset<Row> out = FeaturePipeline.of(new FeaturePlan(List.of("a", "b"), "mean", "standard")).fit(table())
                .transform(table());
        // a after imputation: 1, 2, 6, 3 -> mean 3, sample std sqrt(14/3); b: mean 25, std sqrt(500/3)
        double sa = Math.sqrt(14.0 / 3);
        double sb = Math.sqrt(500.0 / 3);
        assertArrayEquals(new double[] {(1 - 3) / sa, (10 - 25) / sb}, features(out, 1), 1e-9);
        assertArrayEquals(new double[] {0, (40 - 25) / sb}, features(out, 4), 1e-9);
    }

    @Test
    void minMaxScalingMapsTheTrainingRangeToZeroOne() throws IOException {
        Dataset<Row> clean = table().na().drop(new String[] {"a"});
        Dataset<Row> out = FeaturePipeline.of(new FeaturePlan(List.of("a", "b"), "drop", "min-max")).fit(clean)
                .transform(clean);
        assertArrayEquals(new double[] {0, 0}, features(out, 1), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.5}, features(out, 2), 1e-12);
        assertArrayEquals(new double[] {1, 1}, features(out, 3), 1e-12);
    }

    @Test
    void theFittedPipelineSavesAndLoadsToTheSameOutput() throws IOException {
        PipelineModel fitted = FeaturePipeline.of(new FeaturePlan(List.of("a", "b"), "median", "standard")).fit(table());
        String path = dir.resolve("pipeline").toString();
        fitted.write().save(path);
        Dataset<Row> again = PipelineModel.load(path).transform(table());
        for (int id = 1; id <= 4; id++) {
            assertArrayEquals(features(fitted.transform(table()), id), features(again, id), 0);
        }
    }

    @Test
    void classLabelsBecomeIndicesInTheConfiguredOrderAndAnUnknownClassIsNamed() throws IOException {
        Dataset<Row> labelled = LabelColumn.classes(table(), "y", List.of("no", "yes"), "t.csv");
        assertEquals(1.0, labelled.filter("id = '1'").select(LabelColumn.LABEL_COL).first().getDouble(0));
        assertEquals(0.0, labelled.filter("id = '2'").select(LabelColumn.LABEL_COL).first().getDouble(0));
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> LabelColumn.classes(table(), "y", List.of("no", "maybe"), "t.csv"));
        assertTrue(e.getMessage().contains("label column 'y' has 2 row(s) with a class not in data.labels [no, maybe], e.g. ['yes']"),
                e.getMessage());
    }

    private Dataset<Row> mixed() throws IOException {
        // a: 0 is a sentinel for missing; 1, 2, 3, 100 real; c: a category, one row without one
        Dataset<Row> rows = TableTestSpark.csv(spark, dir, "m.csv",
                "id,a,c,y\n1,1,red,no\n2,2,blue,no\n3,3,red,yes\n4,100,red,no\n5,0,NA,yes\n");
        return LabelColumn.classes(NumericColumns.asDoubles(rows, List.of("a"), "m.csv", "data.table.features"),
                "y", List.of("no", "yes"), "m.csv");
    }

    private static FeaturePlan plan(String normalize, String encoding, ImbalancePlan imbalance) {
        MissingPlan missing = new MissingPlan("median", java.util.Map.of(), 0, java.util.Map.of("a", 0.0), List.of("a"));
        return new FeaturePlan(List.of("a"), List.of("c"), missing, new ClipPlan(List.of("a"), 0, 0.75), normalize,
                encoding, imbalance);
    }

    @Test
    void oneHotLayoutIsNumericThenIndicatorsThenOneSlotPerCategoryPlusUnknown() throws IOException {
        PipelineModel fitted = FeaturePipeline.of(plan("none", "one-hot", ImbalancePlan.NONE)).fit(mixed());
        Dataset<Row> out = fitted.transform(mixed());
        // a: sentinel 0 -> missing; clipped at the 0.75 quantile of 1, 2, 3, 100 (= 3); median of 1, 2, 3, 3 = 2
        // c: red (3 rows) index 0, blue index 1, missing -> unknown index 2
        assertArrayEquals(new double[] {1, 0, 1, 0, 0}, features(out, 1), 1e-12);
        assertArrayEquals(new double[] {2, 0, 0, 1, 0}, features(out, 2), 1e-12);
        assertArrayEquals(new double[] {3, 0, 1, 0, 0}, features(out, 4), 1e-12);
        assertArrayEquals(new double[] {2, 1, 0, 0, 1}, features(out, 5), 1e-12);
    }

    @Test
    void aCategoryUnseenInTrainingGoesToTheUnknownSlotAtScoring() throws IOException {
        PipelineModel fitted = FeaturePipeline.of(plan("none", "index", ImbalancePlan.NONE)).fit(mixed());
        Dataset<Row> scoring = TableTestSpark.csv(spark, dir, "s.csv", "id,a,c\n7,2,green\n8,2,blue\n");
        Dataset<Row> out = fitted.transform(NumericColumns.asDoubles(scoring, List.of("a"), "s.csv", "data.table.features"));
        assertArrayEquals(new double[] {2, 0, 2}, features(out, 7), 1e-12);
        assertArrayEquals(new double[] {2, 0, 1}, features(out, 8), 1e-12);
    }

    @Test
    void robustScalingSubtractsTheMedianAndDividesByTheInterquartileRange() throws IOException {
        Dataset<Row> clean = table().na().drop(new String[] {"a"});
        Dataset<Row> out = FeaturePipeline.of(new FeaturePlan(List.of("b"), "drop", "robust")).fit(clean).transform(clean);
        // b: 10, 20, 30; Spark's quantiles (relative error 0.001): median 20, q1 10, q3 30
        assertArrayEquals(new double[] {-0.5}, features(out, 1), 1e-12);
        assertArrayEquals(new double[] {0.5}, features(out, 3), 1e-12);
    }

    @Test
    void theFittedPipelineDoesNotResampleRowsItTransformsButItsResamplerDoes() throws IOException {
        PipelineModel fitted = FeaturePipeline.of(plan("standard", "one-hot", new ImbalancePlan("oversample", 1, 5, 1)))
                .fit(mixed());
        assertEquals(5, fitted.transform(mixed()).count());
        Dataset<Row> resampled = FeaturePipeline.resampler(fitted).orElseThrow().resample(fitted.transform(mixed()));
        assertEquals(6, resampled.count());
        assertEquals(3, resampled.filter(LabelColumn.LABEL_COL + " = 1").count());
    }

    @Test
    void theWholePlanSavesAndLoadsToTheSameOutput() throws IOException {
        PipelineModel fitted = FeaturePipeline.of(plan("robust", "one-hot", new ImbalancePlan("class-weights", 1, 5, 1)))
                .fit(mixed());
        String path = dir.resolve("whole").toString();
        fitted.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        for (int id = 1; id <= 5; id++) {
            assertArrayEquals(features(fitted.transform(mixed()), id), features(loaded.transform(mixed()), id), 0);
        }
        assertEquals(java.util.Map.of(0.0, 1.0, 1.0, 1.5), FeaturePipeline.classWeights(loaded).orElseThrow());
    }
}
