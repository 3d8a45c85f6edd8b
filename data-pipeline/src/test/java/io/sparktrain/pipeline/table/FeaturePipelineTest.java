package io.sparktrain.pipeline.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.source.DataSourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturePipelineTest {
    private static SparkSession spark;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TableTestSpark.spark();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

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
}
