package io.sparktrain.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sparktrain.pipeline.check.ProblemCount;
import io.sparktrain.pipeline.check.ProblemKind;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The report's numbers on a tiny frame, computed by hand, and the console table they make. */
@LocalSpark(threads = 1)
class DataReportTest {
    private static SparkSession spark;

    /** a = 1, 3, missing; b = 2, 2, 8. */
    private static Dataset<Row> rows() {
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
        return spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0), RowFactory.create(3.0, 2.0),
                RowFactory.create(null, 8.0)), schema);
    }

    @Test
    void missingMeanStdMinMaxPerColumnAndMissingAfterImputation() {
        List<ColumnReport> before = ColumnStatistics.before(rows(), List.of("a", "b"));
        assertEquals(new ColumnReport("a", 1, null, 2.0, Math.sqrt(2), 1.0, 3.0), before.get(0));
        assertEquals(new ColumnReport("b", 0, null, 4.0, Math.sqrt(12), 2.0, 8.0), before.get(1));

        FeaturePlan imputed = new FeaturePlan(List.of("a", "b"), "mean", "none");
        Dataset<Row> transformed = FeaturePipeline.of(imputed).fit(rows()).transform(rows());
        List<ColumnReport> after = ColumnStatistics.after(before, transformed, FeaturePlan.FEATURES_COL);
        assertEquals(List.of(0L, 0L), after.stream().map(ColumnReport::missingAfter).toList());

        FeaturePlan notImputed = new FeaturePlan(List.of("a", "b"), "drop", "none");
        Dataset<Row> kept = FeaturePipeline.of(notImputed).fit(rows()).transform(rows());
        assertEquals(List.of(1L, 0L), ColumnStatistics.after(before, kept, FeaturePlan.FEATURES_COL).stream()
                .map(ColumnReport::missingAfter).toList(), "the assembler keeps a missing value as NaN");

        List<ColumnReport> oneColumn = ColumnStatistics.after(before.subList(0, 1), transformed, FeaturePlan.FEATURES_COL);
        assertNull(oneColumn.get(0).missingAfter(), "a vector with more entries than columns cannot be told apart");
    }

    @Test
    void theConsoleTableShowsCountsProblemsColumnsAndClasses() {
        Map<String, Long> classes = new LinkedHashMap<>(Map.of("good", 7L));
        classes.put("bad", 3L);
        ProblemCount noLabel = new ProblemCount("status", true, ProblemKind.MISSING_LABEL, 2,
                new ProblemCount.Example("file:/t.csv", 4, null));
        DataReport report = new DataReport(
                List.of(new InputReport("train", "file:/t.csv", "skip", 12, 10, 2, 0, List.of(noLabel), "file:/b/rejects/train")),
                8, 2, "held out (20% of the rows)", List.of(new ColumnReport("income", 1, 0L, 1500.0, 250.5, 1000.0, 2000.0)),
                classes, classes, Map.of("good", 2L));
        assertEquals(List.of(
                "train table file:/t.csv: 12 rows read, 10 kept, 2 rejected (data.table.bad-rows = skip); rejects in"
                        + " file:/b/rejects/train",
                "  column 'status': 2 rows without a label",
                "training on 8 rows, testing on 2 rows held out (20% of the rows)",
                "  column (training rows)     missing     after         mean          std          min          max",
                "  income                           1         0         1500        250.5         1000         2000",
                "classes (training rows): good 7, bad 3; after resampling: the same; test rows: good 2"),
                DataReportTable.lines(report));

        DataReport beforeResampling = new DataReport(report.inputs(), 8, 2, report.testFrom(), report.columns(), classes,
                Map.of(), Map.of("good", 2L));
        assertEquals("classes (training rows): good 7, bad 3; after resampling: counted when training starts; test rows:"
                + " good 2", DataReportTable.lines(beforeResampling).get(5));
        Map<String, Long> resampled = new LinkedHashMap<>(Map.of("good", 7L));
        resampled.put("bad", 7L);
        DataReport afterResampling = new DataReport(report.inputs(), 8, 2, report.testFrom(), report.columns(), classes,
                resampled, Map.of("good", 2L));
        assertEquals("classes (training rows): good 7, bad 3; after resampling: good 7, bad 7; test rows: good 2",
                DataReportTable.lines(afterResampling).get(5));
    }
}
