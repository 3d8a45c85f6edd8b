package io.sparktrain.trainer.ml;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Turns one example's network output into the values of the prediction columns, in the order
 * {@link NetworkParams#predictionSchema} appends them. A classifier with one sigmoid unit gives
 * {@code p} = P(class 1), shown as the two probabilities {@code [1 - p, p]} Spark's binary
 * evaluator expects; a softmax head's activations are the probabilities themselves.
 *
 * @param classification whether the network predicts classes (else one number)
 * @param labels         class names by index, for the predicted-label column
 * @param raw            whether to emit each column; false where its param is empty
 */
record PredictionColumns(boolean classification, List<String> labels, boolean raw, boolean probability,
        boolean predictedLabel) implements Serializable {

    static PredictionColumns of(NetworkParams params) {
        return new PredictionColumns(params.isClassification(), params.getLabels(),
                !params.getRawPredictionCol().isEmpty(), !params.getProbabilityCol().isEmpty(),
                !params.getPredictedLabelCol().isEmpty());
    }

    /** The appended values for row {@code i} of a batch's output. */
    List<Object> values(INDArray output, int i) {
        List<Object> values = new ArrayList<>(4);
        if (!classification) {
            values.add(output.getDouble(i, 0));
            return values;
        }
        double[] probabilities = probabilities(output, i);
        int predicted = argmax(probabilities);
        if (raw) {
            values.add(Vectors.dense(probabilities));
        }
        if (probability) {
            values.add(Vectors.dense(probabilities));
        }
        values.add((double) predicted);
        if (predictedLabel) {
            values.add(predicted < labels.size() ? labels.get(predicted) : String.valueOf(predicted));
        }
        return values;
    }

    private static double[] probabilities(INDArray output, int i) {
        long width = output.size(1);
        if (width == 1) {
            double p = output.getDouble(i, 0);
            return new double[] {1 - p, p};
        }
        double[] out = new double[(int) width];
        for (int j = 0; j < width; j++) {
            out[j] = output.getDouble(i, j);
        }
        return out;
    }

    /** The first index of the largest value, as DL4J's Evaluation picks it. */
    private static int argmax(double[] values) {
        int best = 0;
        for (int j = 1; j < values.length; j++) {
            if (values[j] > values[best]) {
                best = j;
            }
        }
        return best;
    }
}
