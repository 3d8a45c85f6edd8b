package io.sparktrain.pipeline.batch;

import java.io.Serializable;

/**
 * What one label column means to the network's output layer, so the trainer can build the
 * labels array for any head from config instead of code.
 *
 * @param column name of the label column
 * @param kind   how the column's values become the labels array
 * @param width  the output layer's nOut: number of classes, of regression targets, or of 0/1 labels
 */
public record LabelSpec(String column, Kind kind, int width) implements Serializable {

    /** How a label value becomes one row of the labels array {@code [batch, width]}. */
    public enum Kind {
        /** A class index 0..width-1 stored as a number; becomes a one-hot row (softmax heads). */
        CLASSES,
        /** A number (width 1) or a vector of width numbers, used as they are (identity/MSE heads). */
        REGRESSION,
        /** A 0/1 number (width 1) or a vector of width 0/1 values, one per label (sigmoid/XENT heads). */
        BINARY
    }

    public LabelSpec {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a label column needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("label column '" + column + "' needs a kind: CLASSES, REGRESSION or BINARY");
        }
        int least = kind == Kind.CLASSES ? 2 : 1;
        if (width < least) {
            throw new IllegalArgumentException("label column '" + column + "' of kind " + kind + " has width " + width
                    + "; it must be at least " + least + (kind == Kind.CLASSES ? " classes" : ""));
        }
    }

    public static LabelSpec classes(String column, int numClasses) {
        return new LabelSpec(column, Kind.CLASSES, numClasses);
    }

    public static LabelSpec regression(String column, int targets) {
        return new LabelSpec(column, Kind.REGRESSION, targets);
    }

    public static LabelSpec binary(String column, int labels) {
        return new LabelSpec(column, Kind.BINARY, labels);
    }
}
