package io.sparktrain.pipeline.batch;

import java.util.List;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Builds one head's labels array {@code [batch, width]} from a batch's label cells, per {@link LabelSpec.Kind}. */
final class LabelArrays {
    private LabelArrays() {
    }

    static INDArray encode(LabelSpec spec, List<Row> batch, int position) {
        float[][] labels = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            labels[i] = switch (spec.kind()) {
                case CLASSES -> oneHot(spec, RowValues.number(batch.get(i), position, spec.column()));
                case REGRESSION -> targets(spec, batch.get(i), position);
                case BINARY -> zeroOrOne(spec, targets(spec, batch.get(i), position));
            };
        }
        return Nd4j.create(labels);
    }

    private static float[] oneHot(LabelSpec spec, double label) {
        int index = (int) label;
        if (index != label || index < 0 || index >= spec.width()) {
            throw new IllegalArgumentException("column '" + spec.column() + "' has label " + label
                    + "; labels must be class indices 0.." + (spec.width() - 1)
                    + " (set the number of classes in the config if there are more)");
        }
        float[] row = new float[spec.width()];
        row[index] = 1f;
        return row;
    }

    private static float[] targets(LabelSpec spec, Row row, int position) {
        float[] values = RowValues.floats(row, position, spec.column());
        if (values.length != spec.width()) {
            throw new IllegalArgumentException("column '" + spec.column() + "' has " + values.length + " value(s) in a row"
                    + " but its " + spec.kind() + " head has width " + spec.width()
                    + "; set the label width to the number of targets");
        }
        return values;
    }

    private static float[] zeroOrOne(LabelSpec spec, float[] values) {
        for (float value : values) {
            if (value != 0f && value != 1f) {
                throw new IllegalArgumentException("column '" + spec.column() + "' has binary label " + value
                        + "; BINARY labels must be 0 or 1 (use CLASSES for class indices)");
            }
        }
        return values;
    }
}
