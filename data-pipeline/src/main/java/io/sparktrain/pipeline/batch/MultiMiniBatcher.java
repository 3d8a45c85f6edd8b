package io.sparktrain.pipeline.batch;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Minibatches for a ComputationGraph with one input and several output layers: one labels
 * array per head, each built by its own {@link LabelSpec}, in the order of the graph's
 * {@code setOutputs}. Like {@link MiniBatcher}, it works inside each partition.
 *
 * @param features  the features column(s) and their shape
 * @param labels    one spec per output layer, in the graph's output order
 * @param batchSize examples per minibatch; the last one of a partition may be smaller
 */
public record MultiMiniBatcher(FeatureSpec features, List<LabelSpec> labels, int batchSize) implements Serializable {

    public MultiMiniBatcher {
        RowBatches.checkSize(batchSize);
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("a multi-output batcher needs at least one label column");
        }
        labels = List.copyOf(labels);
    }

    public JavaRDD<MultiDataSet> toMultiDataSets(Dataset<Row> rows) {
        Dataset<Row> selected = BatchColumns.select(rows, features, labels);
        return selected.javaRDD().mapPartitions(this::batches);
    }

    /** Lazily turns one partition's selected rows into minibatches. */
    Iterator<MultiDataSet> batches(Iterator<Row> rows) {
        return RowBatches.of(rows, batchSize, this::toMultiDataSet);
    }

    MultiDataSet toMultiDataSet(List<Row> batch) {
        FeatureArrays.Features x = FeatureArrays.encode(features, batch);
        int first = BatchColumns.firstLabel(features);
        INDArray[] y = new INDArray[labels.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = LabelArrays.encode(labels.get(k), batch, first + k);
        }
        INDArray[] masks = x.mask() == null ? null : new INDArray[] {x.mask()};
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x.features()}, y, masks, null);
    }
}
