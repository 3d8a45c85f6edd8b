package io.sparktrain.pipeline.batch;

import static io.sparktrain.pipeline.column.Columns.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Checks on the driver, before any job, that the columns the specs name exist with types the
 * batcher can read, reporting every problem at once; then selects them in the order the
 * encoders read them: features, mask (sequences only), then each label column.
 */
final class BatchColumns {
    private BatchColumns() {
    }

    static Dataset<Row> select(Dataset<Row> rows, FeatureSpec features, List<LabelSpec> labels) {
        return select(rows, features, labels, null);
    }

    /** As above, with a per-example weight column (a number) last when {@code weightColumn} is not null. */
    static Dataset<Row> select(Dataset<Row> rows, FeatureSpec features, List<LabelSpec> labels, String weightColumn) {
        check(rows.schema(), features, labels, weightColumn);
        List<Column> columns = new ArrayList<>();
        features.columns().forEach(name -> columns.add(col(name)));
        labels.forEach(label -> columns.add(col(label.column())));
        if (weightColumn != null) {
            columns.add(col(weightColumn));
        }
        return rows.select(columns.toArray(Column[]::new));
    }

    /** Position of the first label column in the selected rows. */
    static int firstLabel(FeatureSpec features) {
        return features.columns().size();
    }

    static void check(StructType schema, FeatureSpec features, List<LabelSpec> labels) {
        check(schema, features, labels, null);
    }

    static void check(StructType schema, FeatureSpec features, List<LabelSpec> labels, String weightColumn) {
        List<String> names = Arrays.asList(schema.fieldNames());
        List<String> problems = new ArrayList<>();
        for (String column : features.columns()) {
            expect(schema, names, column, false, "features", NUMBERS, problems);
        }
        for (LabelSpec label : labels) {
            boolean classes = label.kind() == LabelSpec.Kind.CLASSES;
            expect(schema, names, label.column(), classes, label.kind() + " label",
                    classes ? "a number (the class index)" : NUMBERS, problems);
        }
        if (weightColumn != null) {
            expect(schema, names, weightColumn, true, "weight", "a number (the example's loss weight)", problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot make minibatches: " + String.join("; ", problems)
                    + " (the columns are " + names + ")");
        }
    }

    private static final String NUMBERS = "a number, a vector or a numeric array";

    /** @param expected what the column should hold, for the message */
    private static void expect(StructType schema, List<String> names, String column, boolean numberOnly, String role,
            String expected, List<String> problems) {
        if (!names.contains(column)) {
            problems.add(role + " column '" + column + "' is missing");
            return;
        }
        DataType type = schema.apply(column).dataType();
        boolean number = type instanceof NumericType;
        boolean numbers = type.equals(SQLDataTypes.VectorType())
                || type instanceof ArrayType array && array.elementType() instanceof NumericType;
        if (numberOnly ? !number : !(number || numbers)) {
            problems.add(role + " column '" + column + "' has type " + type.simpleString() + "; expected " + expected);
        }
    }
}
