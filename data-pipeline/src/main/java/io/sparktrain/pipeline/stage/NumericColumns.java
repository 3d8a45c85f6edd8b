package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Driver-side checks and the missing-value test shared by the column-wise numeric stages, so that
 * "missing" means the same thing in the indicator, the imputer and the clipper.
 */
final class NumericColumns {
    private NumericColumns() {
    }

    /** Fails with every absent or non-numeric column named at once, before any Spark job runs. */
    static void require(StructType schema, String[] columns, String stage) {
        List<String> problems = new ArrayList<>();
        List<String> names = Arrays.asList(schema.fieldNames());
        for (String column : columns) {
            if (!names.contains(column)) {
                problems.add("'" + column + "' does not exist");
            } else if (!(schema.apply(column).dataType() instanceof NumericType)) {
                problems.add("'" + column + "' is " + schema.apply(column).dataType().simpleString());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(stage + " takes numeric columns, but column "
                    + String.join(", ", problems) + "; available columns: " + names);
        }
    }

    /**
     * True where a value is null, NaN (float and double columns) or equal to the sentinel; a NaN
     * sentinel means there is none. Never null itself, so it is safe inside {@code when}.
     */
    static Column isMissing(String column, DataType type, double sentinel) {
        Column value = Columns.col(column);
        Column missing = value.isNull();
        if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
            missing = missing.or(functions.isnan(value));
        }
        if (!Double.isNaN(sentinel)) {
            missing = missing.or(functions.coalesce(value.equalTo(sentinel), functions.lit(false)));
        }
        return missing;
    }

    /**
     * The schema after writing each input's values, with the input's type, into its output column:
     * an output equal to its input replaces it; any other existing output column is an error.
     */
    static StructType sameTypeOutputs(StructType schema, String[] inputs, String[] outputs) {
        StructType out = schema;
        List<String> names = Arrays.asList(schema.fieldNames());
        for (int i = 0; i < inputs.length; i++) {
            if (outputs[i].equals(inputs[i])) {
                continue;
            }
            if (names.contains(outputs[i])) {
                throw new IllegalArgumentException("output column '" + outputs[i] + "' already exists;"
                        + " choose other outputCols, or the input column itself to replace it");
            }
            out = out.add(outputs[i], schema.apply(inputs[i]).dataType(), true);
        }
        return out;
    }
}
