package io.sparktrain.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every notebook in {@code notebooks/} runs headless with the Java kernel, as a user would run it
 * ({@code scripts/notebooks}, which installs Jupyter and the kernel on first use), and no cell fails.
 */
class NotebooksIT {

    @Test
    void everyNotebookRunsWithoutACellError() throws IOException, InterruptedException {
        File project = TestData.projectDir();
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(project.toPath().resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "notebooks/ holds notebooks");
        Path log = Files.createTempFile("notebooks", ".log");
        Process run = new ProcessBuilder("scripts/notebooks").directory(project).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(run.waitFor(25, TimeUnit.MINUTES), "notebooks finished within 25 minutes");
        String output = Files.readString(log);
        assertEquals(0, run.exitValue(), output);
        for (Path notebook : notebooks) {
            JsonNode executed = new ObjectMapper().readTree(
                    project.toPath().resolve("work/notebooks").resolve(notebook.getFileName()).toFile());
            int outputs = 0;
            for (JsonNode cell : executed.get("cells")) {
                for (JsonNode cellOutput : cell.path("outputs")) {
                    assertFalse(cellOutput.path("output_type").asText().equals("error"), notebook + ": " + cellOutput);
                    outputs++;
                }
            }
            assertTrue(outputs > 0, notebook + " was executed: its cells have outputs");
        }
    }
}
