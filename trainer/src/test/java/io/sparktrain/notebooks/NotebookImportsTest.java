package io.sparktrain.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The notebooks' imports of the project's own classes resolve, so a class moved to another package
 * fails the unit tier at once instead of only the notebook run ({@link NotebooksIT}, minutes long).
 */
class NotebookImportsTest {
    private static final Pattern OWN_IMPORT = Pattern.compile("import (io\\.sparktrain\\.[\\w.]+?)(\\.\\*)?;");

    @Test
    void everyImportOfAProjectClassResolves() throws IOException {
        Path folder = TestData.projectDir().toPath().resolve("notebooks");
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(folder)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "notebooks/ holds notebooks");
        List<String> imports = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (Path notebook : notebooks) {
            Matcher match = OWN_IMPORT.matcher(Files.readString(notebook));
            while (match.find()) {
                String name = match.group(1);
                imports.add(name);
                boolean wildcard = match.group(2) != null;
                if (!(wildcard ? packageHasClasses(name) : classExists(name))) {
                    unresolved.add(notebook.getFileName() + ": " + match.group());
                }
            }
        }
        assertFalse(imports.isEmpty(), "the notebooks import the project's classes");
        assertTrue(unresolved.isEmpty(), "imports that no longer resolve: " + unresolved);
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, NotebookImportsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean packageHasClasses(String name) throws IOException {
        return NotebookImportsTest.class.getClassLoader().getResources(name.replace('.', '/')).hasMoreElements();
    }
}
