package io.sparktrain.pipeline.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Writes a small CSV text to a file and reads it as the table source does. */
final class TableTestSpark {
    static final TableOptions CSV = new TableOptions("csv", true, ",", java.util.List.of("NA", "?"), false);

    private TableTestSpark() {
    }

    static Dataset<Row> csv(SparkSession spark, Path dir, String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        return new TableReader(spark).read(file.toUri().toString(), CSV);
    }
}
