package io.sparktrain.pipeline.batch;

import java.util.List;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds a batch's features array, and its mask for sequences, in the shapes DL4J 1.0.0-M2
 * reads: vectors {@code [batch, width]}; token sequences {@code [batch, 1, T]} (what
 * {@code EmbeddingSequenceLayer} accepts as rank 3, one index per time step, NCW) with a
 * features mask {@code [batch, T]} that the embedding applies and passes on to the LSTM and to
 * {@code LastTimeStep}.
 *
 * <p>A sequence with no unmasked step (an empty text) is shown to the network as one padding
 * step: its mask gets a 1 at position 0. DL4J's {@code LastTimeStep} refuses an example that is
 * "entirely masked out", which would otherwise fail a whole training or scoring job on one
 * empty e-mail.
 */
final class FeatureArrays {
    private FeatureArrays() {
    }

    /** The features array, and the mask ({@code null} for vectors). */
    record Features(INDArray features, INDArray mask) {}

    /** Reads the features from position 0 and, for sequences, the mask from position 1. */
    static Features encode(FeatureSpec spec, List<Row> batch) {
        return switch (spec.kind()) {
            case VECTOR -> new Features(Nd4j.create(rows(spec.column(), batch, 0)), null);
            case SEQUENCE -> sequences(spec, batch);
        };
    }

    private static Features sequences(FeatureSpec spec, List<Row> batch) {
        float[][] sequences = rows(spec.column(), batch, 0);
        float[][] masks = rows(spec.maskColumn(), batch, 1);
        int length = sequences[0].length;
        float[] flat = new float[batch.size() * length];
        for (int i = 0; i < batch.size(); i++) {
            if (masks[i].length != length) {
                throw new IllegalArgumentException("mask column '" + spec.maskColumn() + "' has " + masks[i].length
                        + " positions where '" + spec.column() + "' has " + length + "; they must match");
            }
            checkMask(spec, masks[i]);
            System.arraycopy(sequences[i], 0, flat, i * length, length);
        }
        INDArray features = Nd4j.create(flat, new long[] {batch.size(), 1, length}, 'c');
        return new Features(features, Nd4j.create(masks));
    }

    private static void checkMask(FeatureSpec spec, float[] mask) {
        boolean any = false;
        for (float m : mask) {
            if (m != 0f && m != 1f) {
                throw new IllegalArgumentException("mask column '" + spec.maskColumn() + "' has value " + m
                        + "; a mask holds 1 (token) or 0 (padding)");
            }
            any |= m == 1f;
        }
        if (!any && mask.length > 0) {
            mask[0] = 1f;
        }
    }

    private static float[][] rows(String column, List<Row> batch, int position) {
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            out[i] = RowValues.floats(batch.get(i), position, column);
            RowValues.sameWidth(column, out[0].length, out[i]);
        }
        return out;
    }
}
