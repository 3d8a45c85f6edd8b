package io.sparktrain.pipeline.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalSpark(threads = 2)
class TableReaderTest {
    private static SparkSession spark;
    @TempDir
    Path dir;

    @Test
    void csvNullTokensAndEmptyCellsBecomeNullsAndNumbersAreTypedWithTheirColumnNamedWhenBad() throws IOException {
        Dataset<Row> rows = TableTestSpark.csv(spark, dir, "t.csv", "a,b,c\n1,NA,x\n2, ,y\n?,4.5,z\n");
        List<Row> typed = NumericColumns.asDoubles(rows, List.of("a", "b"), "t.csv", "data.table.features")
                .orderBy("c").collectAsList();
        assertEquals(1.0, typed.get(0).getDouble(0));
        assertTrue(typed.get(0).isNullAt(1));
        assertTrue(typed.get(1).isNullAt(1), "a blank cell is missing");
        assertTrue(typed.get(2).isNullAt(0));
        assertEquals(4.5, typed.get(2).getDouble(1));
        assertEquals("z", typed.get(2).getString(2));
    }

    @Test
    void aTextInANumericColumnAndInfinityAreRefusedWithColumnCountAndExample() throws IOException {
        Dataset<Row> rows = TableTestSpark.csv(spark, dir, "bad.csv", "a,b\n1,abc\n2,Infinity\nNaN,3\n");
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> NumericColumns.asDoubles(rows, List.of("a", "b"), "bad.csv", "data.table.features"));
        assertTrue(e.getMessage().contains("bad.csv: column 'a' has 1 value(s) that are not finite numbers, e.g. 'NaN'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("column 'b' has 2 value(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("data.table.null-values"), "says the fix: " + e.getMessage());
    }

    @Test
    void anAbsentColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Dataset<Row> rows = TableTestSpark.csv(spark, dir, "t.csv", "a,b\n1,2\n");
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> NumericColumns.asDoubles(rows, List.of("a", "weight"), "t.csv", "data.table.features"));
        assertTrue(e.getMessage().contains("no column(s) [weight] named in data.table.features; its columns are [a, b]"),
                e.getMessage());
    }

    @Test
    void aJsonArrayReadAsJsonLinesGivesCorruptRecordsForTheCheckAndReadsWithMultiLine() throws IOException {
        Path file = Files.writeString(dir.resolve("rows.json"), "[\n{\"x\": 1, \"y\": 2},\n{\"x\": 3, \"y\": null}\n]\n");
        TableReader reader = new TableReader(spark);
        List<Row> lines = reader.read(file.toString(), new TableOptions("json", false, ",", List.of(), false))
                .filter(TableReader.CORRUPT_RECORD + " is not null").collectAsList();
        assertEquals(List.of("[", "]"), lines.stream().map(r -> r.getString(r.fieldIndex(TableReader.CORRUPT_RECORD))).toList());
        List<Row> rows = reader.read(file.toString(), new TableOptions("json", false, ",", List.of(), true))
                .orderBy("x").collectAsList();
        assertEquals(2, rows.size());
        assertEquals(3L, rows.get(1).getLong(rows.get(1).fieldIndex("x")));
        assertNull(rows.get(1).get(rows.get(1).fieldIndex("y")));
    }

    @Test
    void aMissingPathAnEmptyFolderAndAnEmptyFileAreNamedBeforeSparkReads() throws IOException {
        TableReader reader = new TableReader(spark);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("_SUCCESS"), "");
        Path blank = Files.writeString(dir.resolve("blank.csv"), "");
        assertEquals("table input " + dir.resolve("nowhere") + " does not exist; check the path in the config"
                + " (data.table.train or data.table.test)", assertThrows(DataSourceException.class,
                () -> reader.read(dir.resolve("nowhere").toString(), TableTestSpark.CSV)).getMessage());
        assertTrue(assertThrows(DataSourceException.class, () -> reader.read(empty.toString(), TableTestSpark.CSV))
                .getMessage().contains(empty + " holds no data files (an empty folder)"));
        assertTrue(assertThrows(DataSourceException.class, () -> reader.read(blank.toString(), TableTestSpark.CSV))
                .getMessage().contains(blank + " holds only empty files (1 file(s), 0 bytes)"));
    }

    @Test
    void libsvmBecomesOneColumnPerFeatureAndALabelWrittenAsTheFileWritesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("t.libsvm"), "1 1:0.5 3:2\n-1 2:1.5\n0.5 1:1\n");
        List<Row> rows = new TableReader(spark).read(file.toString(), new TableOptions("libsvm", false, ",", List.of(),
                false, 3)).collectAsList();
        assertEquals(List.of("label", "f1", "f2", "f3"), List.of(rows.get(0).schema().fieldNames()));
        assertEquals(List.of("1", "-1", "0.5"), rows.stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of(0.5, 0.0, 2.0), List.of(rows.get(0).getDouble(1), rows.get(0).getDouble(2),
                rows.get(0).getDouble(3)));
        assertEquals(LibSvmColumns.featureNames(3), List.of("f1", "f2", "f3"));
    }
}
