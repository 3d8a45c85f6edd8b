package io.sparktrain.pipeline.batch;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows into DL4J {@link DataSet} minibatches for a network with one input and one output,
 * inside each partition, so features never leave the executor that read them. The specs say
 * what the features and the labels are, so the same batcher serves classifiers, regressors,
 * multi-label and embedding + LSTM networks.
 *
 * @param features  the features column(s) and their shape
 * @param label     the label column and what the output layer wants from it
 * @param weightColumn a number per example multiplying its loss (DL4J applies a labels mask of shape
 *                     {@code [batch, 1]} as per-example weights), or null: every example weighs 1
 * @param batchSize examples per minibatch; the last one of a partition may be smaller
 */
public record MiniBatcher(FeatureSpec features, LabelSpec label, String weightColumn, int batchSize)
        implements DataSetBatcher {

    public MiniBatcher {
        RowBatches.checkSize(batchSize);
        if (weightColumn != null && weightColumn.isBlank()) {
            weightColumn = null;
        }
    }

    public MiniBatcher(FeatureSpec features, LabelSpec label, int batchSize) {
        this(features, label, null, batchSize);
    }

    /** One-hot classification minibatches from a vector column and a class-index column. */
    public MiniBatcher(String featuresCol, String labelCol, int numClasses, int batchSize) {
        this(FeatureSpec.vector(featuresCol), LabelSpec.classes(labelCol, numClasses), batchSize);
    }

    /** The label column, unless it holds numbers to predict. */
    @Override
    public Optional<String> classColumn() {
        return label.kind() == LabelSpec.Kind.REGRESSION ? Optional.empty() : Optional.of(label.column());
    }

    @Override
    public JavaRDD<DataSet> toDataSets(Dataset<Row> rows) {
        Dataset<Row> selected = BatchColumns.select(rows, features, List.of(label), weightColumn);
        return selected.javaRDD().mapPartitions(this::batches);
    }

    /** Lazily turns one partition's selected rows into minibatches. */
    Iterator<DataSet> batches(Iterator<Row> rows) {
        // Weighted rows: a minibatch of one row cannot carry its weight through DL4J (toDataSet).
        return weightColumn == null ? RowBatches.of(rows, batchSize, this::toDataSet)
                : RowBatches.withoutLoneLastRow(rows, batchSize, this::toDataSet);
    }

    DataSet toDataSet(List<Row> batch) {
        if (weightColumn != null && batch.size() == 1) {
            // DL4J 1.0.0-M2 reads a [1, 1] labels mask as per-output masking (LossUtil.isPerOutputMasking
            // wants a column vector longer than 1), which softmax with cross-entropy refuses. batches()
            // joins a partition's lone last row to the minibatch before it; a partition of one weighted
            // row is fed twice, each time with its weight: the same mean loss and gradient, 2 examples.
            batch = List.of(batch.get(0), batch.get(0));
        }
        FeatureArrays.Features x = FeatureArrays.encode(features, batch);
        int labelPosition = BatchColumns.firstLabel(features);
        INDArray weights = weightColumn == null ? null : weights(batch, labelPosition + 1);
        return new DataSet(x.features(), LabelArrays.encode(label, batch, labelPosition), x.mask(), weights);
    }

    private INDArray weights(List<Row> batch, int position) {
        float[][] weights = new float[batch.size()][1];
        for (int i = 0; i < batch.size(); i++) {
            double weight = RowValues.number(batch.get(i), position, weightColumn);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight column '" + weightColumn + "' holds " + weight
                        + "; per-example weights must be finite numbers >= 0");
            }
            weights[i][0] = (float) weight;
        }
        return Nd4j.create(weights);
    }
}
