package io.sparktrain.trainer.data;

import io.sparktrain.config.TextSection;
import io.sparktrain.pipeline.source.TextColumnSource;
import io.sparktrain.pipeline.source.TextFolderSource;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads documents the way data.text says they are stored, for training and scoring alike: files in
 * one folder per class, or rows of a CSV table. Both give {@link TextFolderSource}'s columns.
 */
public final class TextDocuments {
    private TextDocuments() {
    }

    /** @param partitions partitions to read into; 0 = Spark's default */
    public static Dataset<Row> read(SparkSession spark, TextSection section, String uri, int partitions) {
        return section.fromTable()
                ? new TextColumnSource(spark).read(uri, section.column(), section.label(), partitions)
                : new TextFolderSource(spark).read(uri, partitions);
    }
}
