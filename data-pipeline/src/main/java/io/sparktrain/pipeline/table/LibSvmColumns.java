package io.sparktrain.pipeline.table;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns the rows of Spark's libsvm source (a double label and a sparse vector) into a table of
 * one numeric column per feature, {@code f1 .. fN} as libsvm numbers them, and a label written as
 * text ("1", "-1", "0.5"). From there a LibSVM file goes through the same check, report and
 * feature pipeline as a CSV file; one column per feature suits up to a few thousand features.
 */
public final class LibSvmColumns {
    /** The label column of a libsvm table. */
    public static final String LABEL = "label";

    private LibSvmColumns() {
    }

    /** {@code f1 .. fN}: libsvm's 1-based feature indices. */
    public static List<String> featureNames(int numFeatures) {
        return IntStream.rangeClosed(1, numFeatures).mapToObj(i -> "f" + i).toList();
    }

    static Dataset<Row> asTable(Dataset<Row> libsvm, int numFeatures) {
        Column label = col("label");
        // Whole numbers as integers, so that data.labels = ["-1", "1"] names the classes as the file writes them.
        Column labelText = when(label.equalTo(floor(label)), label.cast(DataTypes.LongType).cast(DataTypes.StringType))
                .otherwise(label.cast(DataTypes.StringType));
        Column values = functions.vector_to_array(col("features"), "float64");
        List<Column> columns = new ArrayList<>();
        columns.add(labelText.as(LABEL));
        List<String> names = featureNames(numFeatures);
        for (int i = 0; i < numFeatures; i++) {
            columns.add(values.getItem(i).as(names.get(i)));
        }
        return libsvm.select(columns.toArray(Column[]::new));
    }
}
