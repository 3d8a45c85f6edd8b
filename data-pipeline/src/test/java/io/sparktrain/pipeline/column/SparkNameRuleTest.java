package io.sparktrain.pipeline.column;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule of {@link Columns}: main code hands Spark a column name through it, never
 * through one of Spark's calls that parse the name as an expression, where a header such as
 * {@code x_0.25} or {@code f`g} fails the job. A line this test stops is fixed by using
 * {@code Columns.col(name)} (or {@code Columns.quoted} where Spark takes names as strings).
 */
class SparkNameRuleTest {
    /** Spark calls that parse a column name or a SQL expression. */
    private static final Pattern PARSED = Pattern.compile(
            "import static org\\.apache\\.spark\\.sql\\.functions\\.(col|column|expr);"
                    + "|functions\\.(col|column|expr)\\("
                    + "|\\.selectExpr\\("
                    + "|\\.(filter|where)\\(\""
                    + "|(?<!\\bColumns)\\.col\\(");

    @Test
    void mainCodeNamesColumnsOnlyThroughColumns() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("data-pipeline", "trainer")) {
            try (Stream<Path> files = Files.walk(TestData.projectDir().toPath().resolve(module + "/src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Columns.java"))
                        .forEach(f -> found.addAll(offendingLines(f)));
            }
        }
        assertEquals(List.of(), found, "use Columns.col(name) or Columns.quoted(name) instead");
    }

    private static List<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (PARSED.matcher(lines.get(i)).find()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
