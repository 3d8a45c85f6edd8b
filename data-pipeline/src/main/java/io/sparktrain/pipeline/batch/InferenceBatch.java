package io.sparktrain.pipeline.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Whole rows grouped for batched inference, with their features array (and mask for sequences)
 * shaped exactly as {@link MiniBatcher} shapes them for training: a network scores what it was
 * trained on. The rows stay whole so every input column can be passed through to the output.
 *
 * @param rows     the batch's rows, unchanged
 * @param features {@code [batch, width]}, or {@code [batch, 1, T]} for sequences
 * @param mask     {@code [batch, T]} for sequences, null for vectors
 */
public record InferenceBatch(List<Row> rows, INDArray features, INDArray mask) {

    /** Lazily groups one partition's rows into batches of at most {@code batchSize}. */
    public static Iterator<InferenceBatch> of(Iterator<Row> rows, StructType schema, FeatureSpec spec, int batchSize) {
        RowBatches.checkSize(batchSize);
        int[] positions = spec.columns().stream().mapToInt(schema::fieldIndex).toArray();
        return RowBatches.of(rows, batchSize, batch -> encode(batch, positions, spec));
    }

    private static InferenceBatch encode(List<Row> batch, int[] positions, FeatureSpec spec) {
        List<Row> selected = new ArrayList<>(batch.size());
        for (Row row : batch) {
            Object[] values = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                values[i] = row.get(positions[i]);
            }
            selected.add(RowFactory.create(values));
        }
        FeatureArrays.Features x = FeatureArrays.encode(spec, selected);
        return new InferenceBatch(batch, x.features(), x.mask());
    }
}
