package io.sparktrain.pipeline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.report.ColumnReport;
import io.sparktrain.pipeline.report.DataReport;
import io.sparktrain.pipeline.report.DataReportTable;
import io.sparktrain.pipeline.report.InputReport;
import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.TextColumnSource;
import io.sparktrain.pipeline.table.DeclaredSchema;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The problems the CLI's tests see, met by a Spark ML or library user who calls the library
 * directly: the messages advise the library's own settings ({@link SettingNames#LIBRARY}) and never
 * a CLI config key the user did not write.
 */
@LocalSpark(threads = 2)
class LibrarySettingNamesTest {
    /** A CLI key as a message would name it; the lookbehind leaves file paths such as {@code data-pipeline/} alone. */
    private static final Pattern CLI_KEY = Pattern.compile("(?<![\\w/.-])(data|pipeline|train|model)\\.[a-z]");
    private static final TableOptions CSV = new TableOptions("csv", true, ",", List.of("NA", "?"), false);
    private static final List<String> CLASSES = List.of("good", "bad");
    private static final StructType DECLARED = DeclaredSchema.parse("id INT, income DOUBLE, home STRING, status STRING");
    private static SparkSession spark;
    @TempDir
    Path dir;

    private static String badTable(String name) {
        return TestData.resource("bad-tables/" + name).toURI().toString();
    }

    private static String failure(Executable call) {
        return assertThrows(RuntimeException.class, call).getMessage();
    }

    private static void assertLibraryWords(String message, String... expected) {
        for (String words : expected) {
            assertTrue(message.contains(words), "'" + words + "' in: " + message);
        }
        assertFalse(CLI_KEY.matcher(message).find(), "names a CLI key: " + message);
    }

    private static String check(String uri, TableOptions options, CheckSpec spec) {
        return failure(() -> new TableCheck(spec).check(new TableReader(spark).read(uri, options), uri));
    }

    @Test
    void aBadValueNamesTheNullValuesAndThePolicyOfTheLibrary() {
        String uri = badTable("not-numbers.csv");
        String message = check(uri, CSV, new CheckSpec(List.of("income", "age"), Optional.of("status"), CLASSES,
                BadRowPolicy.ERROR, true));
        assertLibraryWords(message, "(3 of 5 rows are bad; CheckSpec.policy = error)",
                "; fix the value, or list the text in TableOptions.nullValues if it means \"missing\"",
                "\nTo go on without fixing the file(s): set CheckSpec.policy = skip to leave such rows out (they are"
                        + " written with the reason to the rejects folder), or CheckSpec.policy = keep to treat bad"
                        + " feature values as missing");
    }

    @Test
    void aMalformedRowAFeatureMissingEverywhereAndOneClassNameTheLibrarySettings() {
        assertLibraryWords(check(badTable("malformed.csv"), CSV, new CheckSpec(List.of("income"), Optional.of("status"),
                CLASSES, BadRowPolicy.ERROR, true)), "; csv: check the quoting and TableOptions.delimiter; json: one"
                + " object per line, or set TableOptions.multiLine = true for a file that is one JSON array");
        assertLibraryWords(check(badTable("all-missing.csv"), CSV, new CheckSpec(List.of("income", "debt"),
                Optional.of("status"), CLASSES, BadRowPolicy.SKIP, true)), "leave it out of CheckSpec.features");
        assertLibraryWords(check(badTable("single-class.csv"), CSV, new CheckSpec(List.of("income"),
                Optional.of("status"), CLASSES, BadRowPolicy.ERROR, true)), "; the class list names [good, bad]",
                "check the training data and the label column");
    }

    @Test
    void aMissingFeatureOrLabelColumnNamesTheCheckSpec() {
        String uri = badTable("not-numbers.csv");
        assertLibraryWords(check(uri, CSV, new CheckSpec(List.of("income", "weight"), Optional.of("status"), CLASSES,
                BadRowPolicy.ERROR, true)), " has no column(s) [weight] named in CheckSpec.features; its columns are");
        assertLibraryWords(check(uri, CSV, new CheckSpec(List.of("income"), Optional.of("class"), CLASSES,
                BadRowPolicy.ERROR, true)), " has no column(s) [class] named in the label column; its columns are");
    }

    @Test
    void everyFixOfARowProblemNamesOnlyLibrarySettings() {
        for (ProblemKind kind : ProblemKind.values()) {
            assertLibraryWords(kind.fix(SettingNames.LIBRARY));
        }
        assertEquals("add the class to the class list or fix the value", ProblemKind.UNKNOWN_LABEL.fix(SettingNames.LIBRARY));
        assertEquals("fix the value, or declare the column's type in TableOptions.schema to fit it",
                ProblemKind.NOT_DECLARED_TYPE.fix(SettingNames.LIBRARY));
    }

    @Test
    void anUnknownClassNamesTheClassList() throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), "id,y\n1,yes\n2,no\n");
        String uri = file.toString();
        String message = failure(() -> LabelColumn.classes(new TableReader(spark).read(uri, CSV), "y",
                List.of("no", "maybe"), uri));
        assertLibraryWords(message, "label column 'y' has 1 row(s) with a class not in the class list [no, maybe],"
                + " e.g. ['yes']; add the class to the class list or fix the data");
    }

    @Test
    void theReaderNamesTableOptionsAndTheUri() throws IOException {
        TableReader reader = new TableReader(spark);
        String nowhere = dir.resolve("nowhere").toString();
        assertEquals("table input " + nowhere + " does not exist; check the path in the config (the table URI)",
                failure(() -> reader.read(nowhere, CSV)));
        // No line of a pretty-printed array is a JSON object on its own.
        Path array = Files.writeString(dir.resolve("array.json"), "[\n  {\n    \"x\": 1\n  }\n]\n");
        assertLibraryWords(failure(() -> reader.read(array.toString(), new TableOptions("json", false, ",", List.of(),
                false))), "no line is a JSON object (read as JSON lines, one object per line; if the file holds one"
                + " JSON array, set TableOptions.multiLine = true)");
    }

    @Test
    void aDeclaredSchemaNamesTableOptionsSchemaAndHeader() throws IOException {
        TableReader reader = new TableReader(spark);
        Path csv = Files.writeString(dir.resolve("t.csv"), "id,income,status\n1,10,good\n");
        assertLibraryWords(failure(() -> reader.read(csv.toString(), new TableOptions("csv", true, ",", List.of(),
                false, 0, Optional.of(DECLARED)))), "t.csv: the header has no column(s) [home] that TableOptions.schema"
                + " declares; its columns are [id, income, status]. Fix the header, or the schema (with"
                + " TableOptions.header = false the schema names the fields in order)");
        String parquet = dir.resolve("t.parquet").toString();
        spark.sql("SELECT 1 AS id, '1200' AS income, 'rent' AS home, 'good' AS status").write().parquet(parquet);
        assertLibraryWords(failure(() -> reader.read(parquet, new TableOptions("parquet", false, ",", List.of(), false,
                0, Optional.of(DECLARED)))), "does not match TableOptions.schema: column 'income' is STRING");
        assertEquals(List.of("declares 'status' as STRING, but it is the label of a regression (the class list is"
                + " empty); declare it DOUBLE"), DeclaredSchema.roleProblems(DECLARED, List.of("income"), List.of(),
                "status", true));
    }

    @Test
    void aTextTableNamesTheSourcesParameters() throws IOException {
        TextColumnSource source = new TextColumnSource(spark);
        Path csv = Files.writeString(dir.resolve("docs.csv"), "id,body,class\n1,,ham\n2,fine,spam\n");
        assertLibraryWords(failure(() -> source.read(csv.toString(), "text", "class", 0)),
                "has no text column 'text' (TextColumnSource's textColumn); its columns are [id, body, class]");
        assertLibraryWords(failure(() -> source.read(csv.toString(), "body", "class", 0)),
                "1 row(s) have no text in the column named by TextColumnSource's textColumn");
        Files.writeString(csv, "id,body,class\n1,text,ham\n2,fine,\n");
        assertLibraryWords(failure(() -> source.read(csv.toString(), "body", "class", 0)),
                "1 row(s) have no label in the column named by TextColumnSource's labelColumn");
    }

    @Test
    void anUnknownPolicyNameNamesTheCheckSpec() {
        assertEquals("CheckSpec.policy = 'drop' is not a policy; use one of [error, skip, keep]",
                failure(() -> BadRowPolicy.of("drop")));
    }

    @Test
    void theReportTableNamesThePolicyOfTheCheckSpec() {
        DataReport report = new DataReport(List.of(new InputReport("train", "file:/t.csv", "skip", 12, 10, 2, 0,
                List.of(), null)), 8, 2, "from file:/test.csv", List.of(new ColumnReport("income", 1, 0L, 1500.0, 250.5,
                1000.0, 2000.0)), Map.of(), Map.of(), Map.of());
        List<String> lines = DataReportTable.lines(report);
        assertEquals("train table file:/t.csv: 12 rows read, 10 kept, 2 rejected (CheckSpec.policy = skip)", lines.get(0));
        lines.forEach(line -> assertLibraryWords(line));
    }
}
