package io.sparktrain.pipeline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the rule of {@link SettingNames}: the library's main code never writes a key of the CLI's
 * config file ({@code data.table.label}, {@code pipeline.missing}, ...) in a string, because a Spark
 * ML user who calls the library directly never wrote one. A line this test stops is fixed by naming
 * the setting through the {@code SettingNames} the caller passes; the CLI passes its keys.
 */
class CliKeyRuleTest {
    /** The CLI config's sections as the start of a key; the lookbehind leaves {@code org.apache.spark.ml.} and paths alone. */
    private static final Pattern CLI_KEY = Pattern.compile("(?<![\\w/.-])(data|pipeline|train|model|output|job|spark)"
            + "\\.[a-z]");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Removed first, so that a quote character cannot be taken for the start of a string. */
    private static final Pattern CHAR = Pattern.compile("'(?:[^'\\\\]|\\\\.)'");

    @Test
    void mainCodeNamesNoCliKey() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestData.projectDir().toPath().resolve("data-pipeline/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> found.addAll(offendingLines(f)));
        }
        assertEquals(List.of(), found, "name the setting through SettingNames, which the CLI fills with its keys");
    }

    @Test
    void theRuleSeesAKeyInAStringButNotInCodeOrAClassName() {
        assertTrue(namesCliKey("        throw new X(uri + \" (data.table.bad-rows = \" + policy);"));
        assertTrue(namesCliKey("        return \"see pipeline.missing\";"));
        assertFalse(namesCliKey("        .putString(\"stage\", model.getClass().getSimpleName())"));
        assertFalse(namesCliKey("        String quote = '\"'; String name = \"org.apache.spark.ml.Pipeline\";"));
        assertFalse(namesCliKey("        String file = \"data-pipeline/src/main\";"));
    }

    private static boolean namesCliKey(String line) {
        Matcher strings = STRING.matcher(CHAR.matcher(line).replaceAll("''"));
        while (strings.find()) {
            if (CLI_KEY.matcher(strings.group()).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> offendingLines(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String code = lines.get(i).strip();
                // Comments may say which CLI key a setting is; only strings reach a user.
                boolean comment = code.startsWith("*") || code.startsWith("/*") || code.startsWith("//");
                if (!comment && namesCliKey(code)) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + code);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
