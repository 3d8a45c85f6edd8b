package io.sparktrain.pipeline.batch;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;

/**
 * Reads one cell as numbers whatever Spark stored it as: a number, an ML vector or a numeric
 * array. Errors name the column, since the row itself is long gone by the time anyone reads them.
 */
final class RowValues {
    private RowValues() {
    }

    static double number(Row row, int position, String column) {
        Object value = row.get(position);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException("column '" + column + "' holds " + describe(value) + "; a number was expected");
    }

    /** The cell as floats; a single number is a row of width 1. */
    static float[] floats(Row row, int position, String column) {
        Object value = row.get(position);
        if (value instanceof Number number) {
            return new float[] {number.floatValue()};
        }
        if (value instanceof Vector vector) {
            float[] out = new float[vector.size()];
            for (int j = 0; j < out.length; j++) {
                out[j] = (float) vector.apply(j);
            }
            return out;
        }
        if (value instanceof scala.collection.Seq<?>) {
            List<Object> list = row.getList(position);
            float[] out = new float[list.size()];
            for (int j = 0; j < out.length; j++) {
                if (!(list.get(j) instanceof Number number)) {
                    throw new IllegalArgumentException("column '" + column + "' holds an array with " + describe(list.get(j))
                            + "; only numbers can be fed to a network");
                }
                out[j] = number.floatValue();
            }
            return out;
        }
        throw new IllegalArgumentException("column '" + column + "' holds " + describe(value)
                + "; a number, a vector or a numeric array was expected");
    }

    /** Checks every row of a batch has the same width, which a DL4J array needs. */
    static void sameWidth(String column, int expected, float[] values) {
        if (values.length != expected) {
            throw new IllegalArgumentException("column '" + column + "' has vectors of size " + values.length + " and "
                    + expected + " in one partition; every row needs the same number of values");
        }
    }

    private static String describe(Object value) {
        return value == null ? "a null (missing) value" : "a " + value.getClass().getSimpleName() + " (" + value + ")";
    }
}
