package io.sparktrain.pipeline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.table.DeclaredSchema;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.table.schema: declared names and types through the reader and the check, for csv, json and parquet. */
@LocalSpark(threads = 2)
class DeclaredSchemaTest {
    private static final StructType DECLARED = DeclaredSchema.parse("id INT, income DOUBLE, home STRING, status STRING");
    private static final List<String> CLASSES = List.of("good", "bad");
    private static SparkSession spark;
    @TempDir
    Path dir;

    private static TableOptions options(String format, boolean header) {
        return new TableOptions(format, header, ",", List.of("NA"), false, 0, Optional.of(DECLARED));
    }

    private static CheckSpec spec(BadRowPolicy policy) {
        return new CheckSpec(List.of("income"), Optional.of("status"), CLASSES, policy, true, Optional.of(DECLARED));
    }

    private static CheckedTable check(String uri, TableOptions options, CheckSpec spec) {
        return new TableCheck(spec).check(new TableReader(spark).read(uri, options), uri);
    }

    private static String headerless() {
        return TestData.resource("bad-tables/declared-types.csv").toURI().toString();
    }

    @Test
    void aHeaderlessCsvGetsTheDeclaredNamesAndACellNotOfItsTypeIsRejectedWithItsReason() {
        CheckedTable checked = check(headerless(), options("csv", false), spec(BadRowPolicy.SKIP));
        assertEquals(List.of(4L, 3L, 1L), List.of(checked.rowsRead(), checked.rowsKept(), checked.rowsRejected()));
        assertEquals(List.of("id", "income", "home", "status"), List.of(checked.kept().columns()));
        assertEquals(DataTypes.IntegerType, checked.kept().schema().apply("id").dataType());
        List<Row> kept = checked.kept().orderBy("id").collectAsList();
        assertEquals(List.of(1, 3, 4), kept.stream().map(r -> (Integer) r.getAs("id")).toList());
        assertEquals(1200.0, (Double) kept.get(0).getAs("income"));
        assertTrue(kept.get(1).isNullAt(kept.get(1).fieldIndex("income")), "NA is a missing income");
        Row reject = checked.rejected().first();
        assertEquals("id: not of the declared type 'x2'", reject.getAs(RejectsWriter.REASON));
        assertEquals(2L, (Long) reject.getAs(RejectsWriter.SOURCE_ROW));
    }

    @Test
    void underPolicyErrorTheCellIsNamedWithColumnRowAndFix() {
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> check(headerless(), options("csv", false), spec(BadRowPolicy.ERROR)));
        assertTrue(e.getMessage().contains("column 'id': 1 value that does not fit the declared type, e.g. 'x2' in row 2"
                + " of " + headerless().replace("file:/", "file:///") + "; fix the value, or declare the column's type"
                + " in data.table.schema to fit it"), e.getMessage());
    }

    @Test
    void underPolicyKeepOnlyFeatureValuesCanBeMadeMissingSoTheRowIsStillRejected() {
        CheckedTable checked = check(headerless(), options("csv", false), spec(BadRowPolicy.KEEP));
        assertEquals(List.of(4L, 3L, 1L), List.of(checked.rowsRead(), checked.rowsKept(), checked.rowsRejected()));
    }

    @Test
    void aHeaderMustNameEveryDeclaredColumn() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "id,income,status\n1,10,good\n");
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TableReader(spark).read(file.toString(), options("csv", true)));
        assertTrue(e.getMessage().contains("t.csv: the header has no column(s) [home] that data.table.schema declares;"
                + " its columns are [id, income, status]"), e.getMessage());
    }

    @Test
    void scoringInputWithoutTheLabelIsReadAsTheSchemaWithoutIt() throws IOException {
        Path file = Files.writeString(dir.resolve("score.csv"), "7,300,rent\n");
        TableOptions scoring = options("csv", false).without("status");
        CheckedTable checked = check(file.toString(), scoring, new CheckSpec(List.of("income"), Optional.empty(),
                CLASSES, BadRowPolicy.SKIP, false, scoring.schema()));
        Row row = checked.kept().first();
        assertEquals(List.of("id", "income", "home"), List.of(checked.kept().columns()));
        assertEquals(7, (Integer) row.getAs("id"));
        assertEquals("rent", row.getAs("home"));
    }

    @Test
    void jsonFieldsAreReadAsTextAndTypedByTheCheck() throws IOException {
        Path file = Files.writeString(dir.resolve("t.jsonl"), "{\"id\": 1, \"income\": 1200.5, \"home\": \"rent\","
                + " \"status\": \"good\"}\n{\"id\": \"two\", \"income\": 10, \"home\": \"own\", \"status\": \"bad\"}\n"
                + "{\"id\": 3, \"income\": 7, \"status\": \"bad\", \"extra\": true}\n");
        TableOptions json = options("json", false);
        assertEquals(DeclaredSchema.asText(DECLARED).add(TableReader.CORRUPT_RECORD, DataTypes.StringType, true),
                new TableReader(spark).read(file.toString(), json).schema());
        CheckedTable checked = check(file.toString(), json, spec(BadRowPolicy.SKIP));
        assertEquals(List.of(3L, 2L, 1L), List.of(checked.rowsRead(), checked.rowsKept(), checked.rowsRejected()));
        List<Row> kept = checked.kept().orderBy("id").collectAsList();
        assertEquals(1200.5, (Double) kept.get(0).getAs("income"));
        assertTrue(kept.get(1).isNullAt(kept.get(1).fieldIndex("home")), "an absent field is missing");
        assertEquals("id: not of the declared type 'two'", checked.rejected().first().getAs(RejectsWriter.REASON));
    }

    @Test
    void parquetMustStoreTheDeclaredColumnsWithTheDeclaredTypes() {
        String uri = dir.resolve("t.parquet").toString();
        spark.sql("SELECT 1 AS id, '1200' AS income, 'rent' AS home, 'good' AS status").write().parquet(uri);
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TableReader(spark).read(uri, options("parquet", false)));
        assertTrue(e.getMessage().contains("does not match data.table.schema: column 'income' is STRING, declared DOUBLE."),
                e.getMessage());
    }

    @Test
    void theDdlAndTheColumnsRolesAreChecked() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DeclaredSchema.parse("id INT, income"));
        assertTrue(bad.getMessage().startsWith("is not a Spark DDL schema ("), bad.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> DeclaredSchema.parse("a INT, a DOUBLE"));
        assertEquals("declares [a] more than once; name each column once", twice.getMessage());
        assertEquals(List.of("does not declare [age], which the config names; declared are [id, income, home, status]",
                "declares 'home' as STRING, but it is a numeric feature; declare it DOUBLE"),
                DeclaredSchema.roleProblems(DECLARED, List.of("income", "home", "age"), List.of(), "status", false));
        assertEquals(List.of("declares 'id' as INT, but it is a categorical column; declare it STRING",
                "declares 'status' as STRING, but it is the label of a regression (data.labels is empty); declare it DOUBLE"),
                DeclaredSchema.roleProblems(DECLARED, List.of("income"), List.of("id"), "status", true));
    }
}
