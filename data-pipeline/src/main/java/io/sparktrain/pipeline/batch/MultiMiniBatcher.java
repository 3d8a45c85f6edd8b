package io.sparktrain.pipeline.batch;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches for a ComputationGraph with one input and several output layers: one labels
 * array per head, each built by its own {@link LabelSpec}, in the order of the graph's
 * {@code setOutputs}. Like {@link MiniBatcher}, it works inside each partition.
 *
 * <p>As {@link MultiDataSet}s ({@link #toMultiDataSets}), each head's array on its own; or as
 * {@link DataSet}s ({@link #toDataSets}), the heads' arrays side by side in one labels array of
 * {@link #widths} columns, for a trainer whose every path (minibatch files, minibatches kept in
 * memory, both training masters) moves DataSets: it splits them back into the graph's heads by
 * those widths just before the graph fits them.
 *
 * @param features  the features column(s) and their shape
 * @param labels    one spec per output layer, in the graph's output order
 * @param batchSize examples per minibatch; the last one of a partition may be smaller
 */
public record MultiMiniBatcher(FeatureSpec features, List<LabelSpec> labels, int batchSize) implements DataSetBatcher {

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

    /** Minibatches with every head's labels side by side in one array, in the order of {@link #labels}. */
    @Override
    public JavaRDD<DataSet> toDataSets(Dataset<Row> rows) {
        Dataset<Row> selected = BatchColumns.select(rows, features, labels);
        return selected.javaRDD().mapPartitions(partition -> RowBatches.of(partition, batchSize, this::toDataSet));
    }

    /** The first head that holds classes: a hold-out keeps its balance. */
    @Override
    public Optional<String> classColumn() {
        return labels.stream().filter(l -> l.kind() == LabelSpec.Kind.CLASSES).map(LabelSpec::column).findFirst();
    }

    /** Columns of each head's labels, in order: where {@link #toDataSets}' labels array splits. */
    public int[] widths() {
        return labels.stream().mapToInt(LabelSpec::width).toArray();
    }

    /** Lazily turns one partition's selected rows into minibatches. */
    Iterator<MultiDataSet> batches(Iterator<Row> rows) {
        return RowBatches.of(rows, batchSize, this::toMultiDataSet);
    }

    MultiDataSet toMultiDataSet(List<Row> batch) {
        FeatureArrays.Features x = FeatureArrays.encode(features, batch);
        INDArray[] masks = x.mask() == null ? null : new INDArray[] {x.mask()};
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x.features()}, heads(batch), masks, null);
    }

    DataSet toDataSet(List<Row> batch) {
        FeatureArrays.Features x = FeatureArrays.encode(features, batch);
        return new DataSet(x.features(), Nd4j.hstack(heads(batch)), x.mask(), null);
    }

    private INDArray[] heads(List<Row> batch) {
        int first = BatchColumns.firstLabel(features);
        INDArray[] y = new INDArray[labels.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = LabelArrays.encode(labels.get(k), batch, first + k);
        }
        return y;
    }
}
