package io.sparktrain.pipeline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.pipeline.testing.CliKeys;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deliberately broken tables of {@code bad-tables/} (see its README) through the check, under each
 * policy, with the messages in the CLI's words ({@link CliKeys}); {@code LibrarySettingNamesTest}
 * has the library's.
 */
@LocalSpark(threads = 2)
class TableCheckTest {
    private static final TableOptions CSV = new TableOptions("csv", true, ",", List.of("NA", "?"), false);
    private static final List<String> CLASSES = List.of("good", "bad");
    private static SparkSession spark;
    @TempDir
    Path dir;

    /** The file's URI as Spark's {@code input_file_name()} writes it. */
    private static String file(String name) {
        return TestData.resource("bad-tables/" + name).toURI().toString().replace("file:/", "file:///");
    }

    private static CheckedTable check(String name, TableOptions options, CheckSpec spec) {
        String uri = TestData.resource("bad-tables/" + name).toURI().toString();
        CheckSpec cli = new CheckSpec(spec.features(), spec.labels(), spec.policy(), spec.training(), spec.declared(),
                CliKeys.SETTINGS);
        return new TableCheck(cli).check(new TableReader(spark, CliKeys.SETTINGS).read(uri, options), uri);
    }

    private static CheckSpec training(BadRowPolicy policy, String... features) {
        return new CheckSpec(List.of(features), Optional.of("status"), CLASSES, policy, true);
    }

    /** mixed-problems.csv: feature Income, label Status. */
    private static CheckSpec mixed(BadRowPolicy policy) {
        return new CheckSpec(List.of("Income"), Optional.of("Status"), CLASSES, policy, true);
    }

    private static String failure(String name, CheckSpec spec) {
        return assertThrows(DataSourceException.class, () -> check(name, CSV, spec)).getMessage();
    }

    @Test
    void malformedCsvRowsAreCountedWithTheirRowAndText() {
        String message = failure("malformed.csv", training(BadRowPolicy.ERROR, "income"));
        assertTrue(message.contains("failed with 1 problem(s) (2 of 4 rows are bad; data.table.bad-rows = error):\n"
                + "  - 2 malformed rows, e.g. '2,20,bad,extra' in row 2 of " + file("malformed.csv")
                + "; csv: check the quoting and data.table.delimiter"), message);
        assertTrue(message.endsWith("\nTo go on without fixing the file(s): set data.table.bad-rows = skip to leave such"
                + " rows out (they are written with the reason to the rejects folder), or data.table.bad-rows = keep to"
                + " treat bad feature values as missing"), message);
    }

    @Test
    void textsInNumericColumnsAreNamedWithColumnCountRowValueAndFix() {
        String message = failure("not-numbers.csv", training(BadRowPolicy.ERROR, "income", "age"));
        assertTrue(message.contains("(3 of 5 rows are bad; data.table.bad-rows = error)"), message);
        assertTrue(message.contains("\n  - column 'income': 2 values that are not numbers, e.g. 'abc' in row 2 of "
                + file("not-numbers.csv") + "; fix the value, or list the text in data.table.null-values if it means"
                + " \"missing\""), message);
        assertTrue(message.contains("\n  - column 'age': 1 value that is not a number, e.g. 'x7' in row 3 of "), message);
        assertTrue(!message.contains("row 4"), "NA is a missing value, not a problem: " + message);
    }

    @Test
    void nanAndInfinityAreNotNumbersToTrainOn() {
        String message = failure("nan-infinity.csv", training(BadRowPolicy.ERROR, "income"));
        assertTrue(message.contains("column 'income': 4 values that are NaN or infinite, e.g. 'NaN' in row 1 of "
                + file("nan-infinity.csv")), message);
    }

    @Test
    void aColumnMissingInEveryRowFailsTrainingWhateverThePolicy() {
        String message = failure("all-missing.csv", training(BadRowPolicy.SKIP, "income", "debt"));
        assertTrue(message.contains("column 'debt' is missing in all 3 rows, so nothing can be learned from it or filled"
                + " in for it; fill it in, or leave it out of data.table.features"), message);
    }

    @Test
    void aTrainingTableWithOneClassFails() {
        String message = failure("single-class.csv", training(BadRowPolicy.ERROR, "income"));
        assertTrue(message.contains("label column 'status' holds one class only ('good' in all 3 rows; data.labels names"
                + " [good, bad]): a classifier needs examples of at least two classes"), message);
    }

    @Test
    void aHeaderWithoutRowsIsNoDataAndAFailedCheckKeepsNothingCached() {
        spark.catalog().clearCache();
        String message = failure("header-only.csv", training(BadRowPolicy.ERROR, "income"));
        assertTrue(message.contains("header-only.csv holds no data rows (only a header"), message);
        assertTrue(spark.sharedState().cacheManager().isEmpty(), "the checked rows were released");
    }

    @Test
    void aLabelUnseenInTrainingIsNamedWhenScoring() {
        CheckSpec scoring = new CheckSpec(List.of("income"), Optional.of("status"), CLASSES, BadRowPolicy.ERROR, false);
        String message = failure("unseen-label.csv", scoring);
        assertTrue(message.contains("label column 'status': 1 label that is not one of the classes [good, bad], e.g."
                + " 'excellent' in row 3 of " + file("unseen-label.csv") + "; add the class to data.labels"), message);
    }

    @Test
    void everyProblemIsListedInOneMessage() {
        String message = failure("mixed-problems.csv", mixed(BadRowPolicy.ERROR));
        assertTrue(message.contains("failed with 3 problem(s) (2 of 4 rows are bad;"), message);
        assertTrue(message.contains("column 'Income': 1 value that is not a number, e.g. '4x0' in row 4"), message);
        assertTrue(message.contains("label column 'Status': 1 row without a label, e.g. row 4"), message);
        assertTrue(message.contains("label column 'Status': 1 label that is not one of the classes [good, bad], e.g."
                + " 'gut' in row 3"), message);
    }

    @Test
    void skipLeavesBadRowsOutAndTheRejectsSayWhyWithRawValuesFileAndRow() {
        CheckedTable checked = check("mixed-problems.csv", CSV, mixed(BadRowPolicy.SKIP));
        assertEquals(List.of(4L, 2L, 2L, 0L), List.of(checked.rowsRead(), checked.rowsKept(), checked.rowsRejected(),
                checked.keptWithNulls()));
        assertEquals(Map.of("good", 1L, "bad", 1L), checked.classCounts());
        String rejects = dir.resolve("rejects").toString();
        RejectsWriter.write(checked.rejected(), rejects);
        List<Row> written = spark.read().option("header", true).csv(rejects).orderBy("id").collectAsList();
        assertEquals(2, written.size());
        Row gut = written.get(0);
        assertEquals("Status: unknown class 'gut'", gut.getAs(RejectsWriter.REASON));
        assertEquals("owner", gut.getAs("Home"));
        assertEquals(file("mixed-problems.csv"), gut.getAs(RejectsWriter.SOURCE_FILE));
        assertEquals("3", gut.getAs(RejectsWriter.SOURCE_ROW));
        assertEquals("Income: not a number '4x0'; Status: no label", written.get(1).getAs(RejectsWriter.REASON));
        assertEquals("4x0", written.get(1).getAs("Income"));
    }

    @Test
    void keepMakesBadFeatureValuesMissingAndStillRejectsRowsWithoutAUsableLabel() {
        CheckedTable numbers = check("not-numbers.csv", CSV, training(BadRowPolicy.KEEP, "income", "age"));
        assertEquals(List.of(5L, 5L, 0L, 3L), List.of(numbers.rowsRead(), numbers.rowsKept(), numbers.rowsRejected(),
                numbers.keptWithNulls()));
        List<Row> rows = numbers.kept().orderBy("id").collectAsList();
        assertEquals(1200.0, (Double) rows.get(0).getAs("income"));
        assertTrue(rows.get(1).isNullAt(rows.get(1).fieldIndex("income")), "abc became missing");
        assertTrue(rows.get(2).isNullAt(rows.get(2).fieldIndex("age")), "x7 became missing");
        assertEquals(1500.0, (Double) rows.get(2).getAs("income"));

        CheckedTable mixed = check("mixed-problems.csv", CSV, mixed(BadRowPolicy.KEEP));
        assertEquals(List.of(4L, 2L, 2L), List.of(mixed.rowsRead(), mixed.rowsKept(), mixed.rowsRejected()));
    }

    @Test
    void jsonLinesWithATextANaNAndABrokenLine() {
        TableOptions json = new TableOptions("json", false, ",", List.of(), false);
        DataSourceException e = assertThrows(DataSourceException.class, () -> check("bad-values.jsonl", json,
                new CheckSpec(List.of("Horsepower", "Acceleration"), Optional.of("Name"),
                List.of("chevrolet", "buick", "ford", "amc"), BadRowPolicy.ERROR, true)));
        String message = e.getMessage();
        assertTrue(message.contains("(3 of 4 rows are bad;"), message);
        assertTrue(message.contains("column 'Horsepower': 1 value that is not a number, e.g. 'fast' in row 2"), message);
        assertTrue(message.contains("column 'Acceleration': 1 value that is NaN or infinite, e.g. 'NaN' in row 3"), message);
        assertTrue(message.contains("1 malformed row, e.g. '{\"id\": 4,"), message);
    }

    /** A table for a network with several outputs: every label column is checked, each against its own classes. */
    @Test
    void everyLabelColumnIsCheckedAgainstItsOwnClasses() throws IOException {
        Path table = dir.resolve("two-labels.csv");
        Files.writeString(table, "x,kind,size\n1,a,2.5\n2,b,3\n3,c,4\n4,a,big\n5,b,\n");
        CheckSpec spec = new CheckSpec(List.of("x"), List.of(new CheckSpec.Label("kind", List.of("a", "b")),
                new CheckSpec.Label("size", List.of())), BadRowPolicy.ERROR, true, Optional.empty(),
                SettingNames.LIBRARY);
        String uri = table.toUri().toString();
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TableCheck(spec).check(new TableReader(spark).read(uri, CSV), uri));
        assertTrue(e.getMessage().contains("label column 'kind': 1 label that is not one of the classes [a, b]"), e.getMessage());
        assertTrue(e.getMessage().contains("label column 'size': 1 value that is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("label column 'size': 1 row without a label"), e.getMessage());
    }

    @Test
    void aJsonArrayReadAsLinesSaysToSetMultiLine() {
        TableOptions lines = new TableOptions("json", false, ",", List.of(), false);
        DataSourceException e = assertThrows(DataSourceException.class, () -> check("array.json", lines,
                new CheckSpec(List.of("x"), Optional.of("y"), List.of("a", "b"), BadRowPolicy.ERROR, true)));
        assertTrue(e.getMessage().contains("2 malformed rows, e.g. '[' in row 1"), e.getMessage());
        assertTrue(e.getMessage().contains("set data.table.multi-line = true"), e.getMessage());
    }

    @Test
    void filesOfOneTableWithDifferentHeadersAreNamed() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> check("header-mismatch", CSV,
                new CheckSpec(List.of("a"), Optional.of("b"), List.of("2", "5"), BadRowPolicy.ERROR, true)));
        assertTrue(e.getMessage().contains("cannot read table " + TestData.resource("bad-tables/header-mismatch").toURI()),
                e.getMessage());
        assertTrue(e.getMessage().contains("part-2.csv"), e.getMessage());
    }

    /** Row numbers hold across files and across the partitions one file is split into. */
    @Test
    void rowNumbersCountWithinEachFileAcrossPartitions() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("parts"));
        StringBuilder big = new StringBuilder("x,status\n");
        for (int i = 1; i <= 3000; i++) {
            big.append(i == 2500 ? "oops" : String.valueOf(i)).append(",good\n");
        }
        Files.writeString(folder.resolve("a.csv"), big.toString());
        Files.writeString(folder.resolve("b.csv"), "x,status\n1,bad\n2,bad\nbroken,bad\n");
        String previous = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "4096");
        try {
            CheckedTable checked = new TableCheck(new CheckSpec(List.of("x"), Optional.of("status"), CLASSES,
                    BadRowPolicy.SKIP, true)).check(new TableReader(spark).read(folder.toString(), CSV), folder.toString());
            List<Row> rejects = checked.rejected().orderBy(RejectsWriter.SOURCE_FILE).collectAsList();
            assertEquals(2, rejects.size());
            assertEquals(2500L, (Long) rejects.get(0).getAs(RejectsWriter.SOURCE_ROW));
            assertEquals(3L, (Long) rejects.get(1).getAs(RejectsWriter.SOURCE_ROW));
            assertEquals(3001L, checked.rowsKept());
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", previous);
        }
    }
}
