package io.sparktrain.pipeline.column;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.pipeline.batch.LabelSpec;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.check.CheckSpec;
import io.sparktrain.pipeline.check.CheckedTable;
import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.pipeline.check.TableCheck;
import io.sparktrain.pipeline.report.ColumnReport;
import io.sparktrain.pipeline.report.ColumnStatistics;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.TextColumnSource;
import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.stage.ClassCounts;
import io.sparktrain.pipeline.stage.ClassWeighter;
import io.sparktrain.pipeline.stage.ColumnCopier;
import io.sparktrain.pipeline.stage.ConstantImputer;
import io.sparktrain.pipeline.stage.MissingIndicator;
import io.sparktrain.pipeline.stage.QuantileClipper;
import io.sparktrain.pipeline.stage.RandomOversampler;
import io.sparktrain.pipeline.stage.RandomUndersampler;
import io.sparktrain.pipeline.stage.SentinelMissing;
import io.sparktrain.pipeline.stage.Smote;
import io.sparktrain.pipeline.stage.TrainingResampler;
import io.sparktrain.pipeline.table.ClipPlan;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.ImbalancePlan;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.table.MissingPlan;
import io.sparktrain.pipeline.table.NumericColumns;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.pipeline.testing.AwkwardNames;
import io.sparktrain.pipeline.testing.TestSpark;
import io.sparktrain.pipeline.text.TextSequencer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column names that Spark must quote ({@link AwkwardNames}) through every part of the library that
 * hands a column name to Spark: reading, checking and rejecting, the feature pipeline (numeric and
 * categorical, saved and loaded), labels and hold-outs, the column-wise and imbalance stages,
 * minibatches and text. Each table also holds awkward columns that nothing uses.
 */
class ColumnNamesTest {
    private static final List<String> NUMERIC = AwkwardNames.ALL.subList(0, 6);
    private static final List<String> CATEGORICAL = AwkwardNames.ALL.subList(6, 8);
    private static final String LABEL = AwkwardNames.MIXED;
    private static final List<String> CLASSES = List.of("good", "bad");
    private static final TableOptions CSV = new TableOptions("csv", true, ",", List.of("NA"), false);
    /** id, the six numeric columns, the two text columns and the label. */
    private static final List<String> ROWS = List.of(
            "1,1,2,7,-1,1,0,S,ann,good",
            "2,NA,4,7,2,NA,10,M,bob,bad",
            "3,3,NA,9,4,1,20,S,ann,good",
            "4,5,6,NA,6,1,1000,L,ann,bad");
    private static SparkSession spark;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSpark.local(2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private Dataset<Row> read(List<String> rows) throws IOException {
        String header = "id," + String.join(",", AwkwardNames.ALL) + "," + LABEL;
        Path file = Files.writeString(dir.resolve("table.csv"), header + "\n" + String.join("\n", rows) + "\n");
        return new TableReader(spark).read(file.toUri().toString(), CSV);
    }

    private Dataset<Row> numeric() throws IOException {
        return NumericColumns.asDoubles(read(ROWS), NUMERIC, "table.csv", "features");
    }

    private static Row row(Dataset<Row> rows, int id) {
        return rows.filter(col("id").equalTo(String.valueOf(id))).first();
    }

    @Test
    void aNameIsQuotedWithItsBackticksDoubledAndSparkReadsItBackAsWritten() {
        assertEquals("`a.b`", Columns.quoted("a.b"));
        assertEquals("`f``g`", Columns.quoted("f`g"));
        Dataset<Row> one = spark.range(1).select(AwkwardNames.ALL.stream().map(n -> lit(1.0).as(n)).toArray(Column[]::new));
        Dataset<Row> selected = one.select(AwkwardNames.ALL.stream().map(Columns::col).toArray(Column[]::new));
        assertEquals(AwkwardNames.ALL, List.of(selected.columns()));
        assertEquals(1, one.na().drop(Columns.quoted(AwkwardNames.ALL)).count());
    }

    @Test
    void theCheckTypesRejectsAndNamesEveryColumnAsWritten() throws IOException {
        List<String> rows = new ArrayList<>(ROWS);
        rows.add("5,abc,1,1,1,1,1,S,ann,good");
        rows.add("6,1,1,1,1,1,1,S,ann,");
        Dataset<Row> read = read(rows);
        CheckedTable checked = new TableCheck(new CheckSpec(NUMERIC, Optional.of(LABEL), CLASSES, BadRowPolicy.SKIP, true))
                .check(read, "table.csv");
        assertEquals(List.of(6L, 4L, 2L), List.of(checked.rowsRead(), checked.rowsKept(), checked.rowsRejected()));
        List<String> columns = new ArrayList<>(List.of("id"));
        columns.addAll(AwkwardNames.ALL);
        columns.add(LABEL);
        assertEquals(columns, List.of(checked.kept().columns()));
        assertEquals(DataTypes.DoubleType, checked.kept().schema().apply("a.b").dataType());

        String rejects = dir.resolve("rejects").toString();
        RejectsWriter.write(checked.rejected(), rejects);
        List<Row> written = spark.read().option("header", true).csv(rejects).orderBy("id").collectAsList();
        assertEquals(columns, List.of(written.get(0).schema().fieldNames()).subList(0, columns.size()));
        assertEquals("abc", written.get(0).getAs("a.b"));
        assertEquals("a.b: not a number 'abc'", written.get(0).getAs(RejectsWriter.REASON));
        assertEquals(LABEL + ": no label", written.get(1).getAs(RejectsWriter.REASON));

        String message = assertThrows(DataSourceException.class, () -> new TableCheck(new CheckSpec(NUMERIC,
                Optional.of(LABEL), CLASSES, BadRowPolicy.ERROR, true)).check(read, "table.csv")).getMessage();
        assertTrue(message.contains("column 'a.b': 1 value that is not a number, e.g. 'abc' in row 5"), message);
        assertTrue(message.contains("label column '" + LABEL + "': 1 row without a label, e.g. row 6"), message);
    }

    /**
     * Every numeric column with a missing-value setting of another kind, one clipped, the text
     * columns one-hot encoded; the fitted pipeline saved and loaded.
     */
    @Test
    void theFeaturePipelineTakesEveryNameAsNumericOrCategoricalAndLeavesTheUsersColumnsAsRead() throws IOException {
        MissingPlan missing = new MissingPlan("median", Map.of("a.b", "constant", "x_0.25", "mean", "my col",
                "most-frequent"), 0, Map.of("c-d", -1.0), List.of("e[0]"));
        FeaturePlan plan = new FeaturePlan(NUMERIC, CATEGORICAL, missing, new ClipPlan(List.of("f`g"), 0, 0.75), "none",
                "one-hot", ImbalancePlan.NONE);
        String saved = dir.resolve("pipeline").toString();
        FeaturePipeline.of(plan).fit(numeric()).write().save(saved);
        Dataset<Row> out = PipelineModel.load(saved).transform(numeric());

        // a.b, x_0.25, my col, c-d, e[0], f`g; e[0] was missing; größe one-hot (S, L, M, unknown); 名前 (ann, bob, unknown)
        assertArrayEquals(new double[] {1, 2, 7, 4, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0}, features(out, 1), 1e-12,
                "c-d's sentinel -1 made missing and filled with the median of 2, 4, 6");
        assertArrayEquals(new double[] {0, 4, 7, 2, 1, 10, 1, 0, 0, 1, 0, 0, 1, 0}, features(out, 2), 1e-12,
                "a.b filled with the constant 0, e[0] with the median 1");
        assertArrayEquals(new double[] {3, 4, 9, 4, 1, 20}, Arrays.copyOf(features(out, 3), 6), 1e-12,
                "x_0.25 filled with the mean 4");
        assertEquals(7.0, features(out, 4)[2], "my col filled with its most frequent value");
        assertTrue(features(out, 4)[5] < 1000, "f`g's 1000 clipped to the 0.75 quantile");
        assertEquals(-1.0, row(out, 1).<Double>getAs("c-d"), "the user's column is left as read");
        assertEquals(List.of(numeric().columns()), List.of(out.columns()).subList(0, numeric().columns().length));
    }

    @Test
    void theCopierCopiesAnyNameUnchangedAndRefusesToOverwriteAColumn() throws IOException {
        Dataset<Row> copied = new ColumnCopier().setInputCols("a.b", "f`g", "größe").setOutputCols("c0", "c1", "c2")
                .transform(numeric());
        assertEquals(DataTypes.DoubleType, copied.schema().apply("c0").dataType());
        assertEquals(List.of(5.0, 1000.0, "L"), List.of(row(copied, 4).getAs("c0"), row(copied, 4).getAs("c1"),
                row(copied, 4).getAs("c2")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ColumnCopier().setInputCols("a.b", "no.such").setOutputCols("my col", "c1").transform(numeric()));
        assertTrue(e.getMessage().contains("column 'no.such' does not exist, 'my col' already exists"), e.getMessage());
    }

    private static double[] features(Dataset<Row> rows, int id) {
        return row(rows, id).<Vector>getAs(FeaturePlan.FEATURES_COL).toArray();
    }

    @Test
    void theDataReportNamesEachColumnAsWritten() throws IOException {
        List<ColumnReport> reports = ColumnStatistics.before(numeric(), NUMERIC);
        assertEquals(NUMERIC, reports.stream().map(ColumnReport::name).toList());
        assertEquals(List.of(1L, 1L, 1L, 0L, 1L, 0L), reports.stream().map(ColumnReport::missingBefore).toList());
    }

    @Test
    void anAwkwardLabelIsIndexedCheckedAndStratifiedBy() throws IOException {
        Dataset<Row> rows = read(ROWS);
        List<Double> classes = LabelColumn.index(rows, LABEL, CLASSES).orderBy(col("id"))
                .select(col(LabelColumn.LABEL_COL)).collectAsList().stream().map(r -> r.getDouble(0)).toList();
        assertEquals(List.of(0.0, 1.0, 0.0, 1.0), classes);
        DataSourceException unknown = assertThrows(DataSourceException.class,
                () -> LabelColumn.classes(rows, LABEL, List.of("good"), "table.csv"));
        assertTrue(unknown.getMessage().contains("label column '" + LABEL + "' has 2 row(s) with a class not in"),
                unknown.getMessage());
        HoldOut.Parts parts = new HoldOut(0.5, 3).splitStratified(rows, LABEL);
        assertEquals(4, parts.kept().count() + parts.heldOut().count());
    }

    @Test
    void theColumnWiseStagesTakeAwkwardNames() throws IOException {
        String[] names = NUMERIC.toArray(String[]::new);
        Dataset<Row> nulled = new SentinelMissing().setInputCols("c-d").setSentinels(-1).transform(numeric());
        Dataset<Row> indicated = new MissingIndicator().setInputCols(names).transform(nulled);
        QuantileClipper clipper = new QuantileClipper().setInputCols(names).setLowerQuantile(0).setUpperQuantile(0.75);
        Dataset<Row> clipped = clipper.fit(indicated).transform(indicated);
        Dataset<Row> filled = new ConstantImputer().setInputCols(names).setValue(0).transform(clipped);

        Row first = row(filled, 1);
        assertEquals(List.of(1.0, 0.0), List.of(first.<Double>getAs("c-d_missing"), first.<Double>getAs("c-d")));
        Row second = row(filled, 2);
        assertEquals(List.of(1.0, 0.0), List.of(second.<Double>getAs("a.b_missing"), second.<Double>getAs("a.b")));
        assertEquals(List.of(1.0, 0.0), List.of(second.<Double>getAs("e[0]_missing"), second.<Double>getAs("e[0]")));
        assertTrue(row(filled, 4).<Double>getAs("f`g") < 1000, "clipped");
    }

    /** 8 rows of class 0 and 3 of class 1, with a vector and two columns nothing reads. */
    private static Dataset<Row> imbalanced() {
        StructType schema = new StructType().add("f`g", DataTypes.DoubleType).add("größe", DataTypes.StringType)
                .add("feat.v", new VectorUDT()).add(LABEL, DataTypes.DoubleType).add("w.t", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            rows.add(RowFactory.create((double) i, "S", Vectors.dense(i, i % 3), i < 8 ? 0.0 : 1.0, 1.0));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static Map<Object, Long> counts(Dataset<Row> rows) {
        return ClassCounts.of(rows, LABEL).counts();
    }

    @Test
    void theImbalanceStagesResampleByAnAwkwardLabelAmongAwkwardColumns() {
        Dataset<Row> rows = imbalanced();
        TrainingResampler over = (TrainingResampler) new RandomOversampler().setLabelCol(LABEL).setTargetRatio(1)
                .setSeed(7).fit(rows);
        assertEquals(Map.of(0.0, 8L, 1.0, 8L), counts(over.resample(rows)));
        TrainingResampler under = (TrainingResampler) new RandomUndersampler().setLabelCol(LABEL).setTargetRatio(1)
                .setSeed(7).fit(rows);
        assertEquals(Map.of(0.0, 3L, 1.0, 3L), counts(under.resample(rows)));
        TrainingResampler smote = (TrainingResampler) new Smote().setFeaturesCol("feat.v").setK(2).setLabelCol(LABEL)
                .setTargetRatio(1).setSeed(7).fit(rows);
        assertEquals(Map.of(0.0, 8L, 1.0, 8L), counts(smote.resample(rows)));
        TrainingResampler weighter = (TrainingResampler) new ClassWeighter().setWeightCol("weight.x").setLabelCol(LABEL)
                .fit(rows);
        assertEquals(8.0 / 3, weighter.resample(rows).filter(col(LABEL).equalTo(1.0)).first().<Double>getAs("weight.x"),
                1e-12);
    }

    @Test
    void minibatchesReadAwkwardFeatureLabelAndWeightColumns() {
        MiniBatcher batcher = new MiniBatcher(FeatureSpec.vector("feat.v"), LabelSpec.classes(LABEL, 2), "w.t", 4);
        List<Integer> examples = batcher.toDataSets(imbalanced()).map(batch -> batch.numExamples()).collect();
        assertEquals(11, examples.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void documentsAndTheirClassComeFromAwkwardColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("texts.csv"), "id.no,my text.col," + LABEL
                + "\n1,the cat sat,good\n2,a dog,bad\n");
        Dataset<Row> documents = new TextColumnSource(spark).read(file.toUri().toString(), "my text.col", LABEL, 0);
        assertTrue(TextColumnSource.labelled(documents));
        assertEquals(2, documents.count());

        Dataset<Row> table = spark.read().option("header", true).csv(file.toString());
        Dataset<Row> sequences = new TextSequencer().setInputCol("my text.col").setOutputCol("tokens.x")
                .setMaskCol("mask.x").setSequenceLength(3).fit(table).transform(table);
        assertEquals(2, sequences.select(col("tokens.x"), col("mask.x")).count());
    }
}
