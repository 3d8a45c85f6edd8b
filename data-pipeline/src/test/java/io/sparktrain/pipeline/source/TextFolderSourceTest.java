package io.sparktrain.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalSpark(threads = 2)
class TextFolderSourceTest {
    private static SparkSession spark;

    @Test
    void eachFileIsOneDocumentLabelledWithItsFolderName(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ham"));
        Files.createDirectories(root.resolve("spam"));
        Files.writeString(root.resolve("ham/1.txt"), "Subject: lunch\n\nsee you at noon\n");
        Files.writeString(root.resolve("ham/2.txt"), "meeting moved");
        Files.writeString(root.resolve("spam/1.txt"), "WIN money now");
        List<Row> rows = new TextFolderSource(spark).read(root.toUri().toString(), 2)
                .orderBy(TextFolderSource.LABEL_COL, TextFolderSource.TEXT_COL).collectAsList();
        assertEquals(3, rows.size());
        assertEquals("ham", rows.get(0).getString(2));
        assertEquals("Subject: lunch\n\nsee you at noon\n", rows.get(0).getString(1), "the whole file, line breaks kept");
        assertEquals("spam", rows.get(2).getString(2));
        assertTrue(rows.get(2).getString(0).endsWith("spam/1.txt"), rows.get(2).getString(0));
    }

    @Test
    void anEmptyFolderIsRefusedWithTheLayoutExpected(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ham"));
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TextFolderSource(spark).read(root.toString(), 1));
        assertTrue(e.getMessage().contains("holds no documents; expected one folder per class"), e.getMessage());
    }

    @Test
    void hiddenFilesAreSkippedAndCompressedFilesAreReadThroughTheirCodec(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ham"));
        Files.writeString(root.resolve("ham/1.txt"), "plain");
        Files.writeString(root.resolve("ham/.DS_Store"), "not a document");
        Files.writeString(root.resolve("ham/_SUCCESS"), "");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(root.resolve("ham/2.txt.gz")))) {
            out.write("zipped caf\u00e9".getBytes(StandardCharsets.UTF_8));
        }
        List<Row> rows = new TextFolderSource(spark).read(root.toString(), 2)
                .orderBy(TextFolderSource.TEXT_COL).collectAsList();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("plain", rows.get(0).getString(1));
        assertEquals("zipped caf\u00e9", rows.get(1).getString(1));
    }

    @Test
    void aFolderInsideAClassFolderIsRefusedByName(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("ham/archive"));
        Files.writeString(root.resolve("ham/1.txt"), "plain");
        DataSourceException e = assertThrows(DataSourceException.class,
                () -> new TextFolderSource(spark).read(root.toString(), 1));
        assertTrue(e.getMessage().contains("ham/archive is a folder inside the class folder"), e.getMessage());
    }
}
