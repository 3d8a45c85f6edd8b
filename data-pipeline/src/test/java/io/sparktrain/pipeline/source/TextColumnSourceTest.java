package io.sparktrain.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class TextColumnSourceTest {
    private static SparkSession spark;

    @Test
    void eachRowIsOneDocumentWithQuotedCommasQuotesAndLineBreaksKept(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("mails.csv");
        Files.writeString(csv, "id,body,class\n"
                + "7,\"Subject: lunch\n\nsee you at noon, \"\"sharp\"\"\",ham\n"
                + "8,WIN money now, spam \n");
        Dataset<Row> documents = new TextColumnSource(spark).read(csv.toString(), "body", "class", 2);
        assertTrue(TextColumnSource.labelled(documents));
        List<Row> rows = documents.orderBy("id").select("id", TextFolderSource.TEXT_COL, TextFolderSource.LABEL_COL,
                TextFolderSource.PATH_COL).collectAsList();
        assertEquals(2, rows.size(), "the line breaks inside the quoted document do not start rows");
        assertEquals("7", rows.get(0).getString(0), "the table's own columns pass through");
        assertEquals("Subject: lunch\n\nsee you at noon, \"sharp\"", rows.get(0).getString(1));
        assertEquals("ham", rows.get(0).getString(2));
        assertEquals("spam", rows.get(1).getString(2), "class names are trimmed");
        assertTrue(rows.get(1).getString(3).endsWith("mails.csv"), rows.get(1).getString(3));
    }

    @Test
    void aTableWithoutTheLabelColumnIsReadUnlabelledForScoring(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("to-score.csv");
        Files.writeString(csv, "id,body\n1,hello there\n");
        Dataset<Row> documents = new TextColumnSource(spark).read(csv.toString(), "body", "class", 0);
        assertFalse(TextColumnSource.labelled(documents));
        assertEquals("hello there", documents.first().getAs(TextFolderSource.TEXT_COL));
    }

    @Test
    void aMissingColumnOrDocumentOrClassIsNamedWithTheFix(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,body,class\n1,,ham\n2,fine,\n3,also fine,spam\n");
        TextColumnSource source = new TextColumnSource(spark);

        DataSourceException noColumn = assertThrows(DataSourceException.class,
                () -> source.read(csv.toString(), "text", "class", 0));
        assertTrue(noColumn.getMessage().contains("has no text column 'text' (data.text.column); its columns are [id,"
                + " body, class]"), noColumn.getMessage());

        DataSourceException noText = assertThrows(DataSourceException.class,
                () -> source.read(csv.toString(), "body", "class", 0));
        assertTrue(noText.getMessage().contains("1 row(s) have no text in the column named by data.text.column, e.g."
                + " in file:"), noText.getMessage());
        assertTrue(noText.getMessage().contains("bad.csv; fill them in or remove those rows"), noText.getMessage());

        Files.writeString(csv, "id,body,class\n1,text,ham\n2,fine,\n");
        DataSourceException noClass = assertThrows(DataSourceException.class,
                () -> source.read(csv.toString(), "body", "class", 0));
        assertTrue(noClass.getMessage().contains("1 row(s) have no label in the column named by data.text.label"),
                noClass.getMessage());
    }
}
