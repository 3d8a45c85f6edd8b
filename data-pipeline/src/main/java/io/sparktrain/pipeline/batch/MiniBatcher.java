package io.sparktrain.pipeline.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of {@code (label, features vector)} into DL4J {@link DataSet} minibatches, inside
 * each partition, so features never leave the executor that read them.
 *
 * @param featuresCol name of the vector column
 * @param labelCol    name of the label column (class index as a double, 0-based)
 * @param numClasses  number of classes; labels become one-hot rows of this width
 * @param batchSize   examples per minibatch; the last one of a partition may be smaller
 */
public record MiniBatcher(String featuresCol, String labelCol, int numClasses, int batchSize) implements Serializable {

    public MiniBatcher {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    public JavaRDD<DataSet> toDataSets(Dataset<Row> rows) {
        Dataset<Row> selected = rows.select(featuresCol, labelCol);
        MiniBatcher batcher = this;
        return selected.javaRDD().mapPartitions(it -> batcher.batches(it));
    }

    /** Lazily groups one partition's rows into minibatches. */
    Iterator<DataSet> batches(Iterator<Row> rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public DataSet next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Row> batch = new ArrayList<>(batchSize);
                while (rows.hasNext() && batch.size() < batchSize) {
                    batch.add(rows.next());
                }
                return toDataSet(batch);
            }
        };
    }

    DataSet toDataSet(List<Row> batch) {
        int width = ((Vector) batch.get(0).get(0)).size();
        float[][] features = new float[batch.size()][];
        float[][] labels = new float[batch.size()][numClasses];
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            features[i] = toFloats((Vector) row.get(0), width);
            labels[i][classIndex(row.getDouble(1))] = 1f;
        }
        INDArray x = Nd4j.create(features);
        INDArray y = Nd4j.create(labels);
        return new DataSet(x, y);
    }

    private float[] toFloats(Vector vector, int width) {
        if (vector.size() != width) {
            throw new IllegalArgumentException("column '" + featuresCol + "' has vectors of size " + vector.size()
                    + " and " + width + " in one partition; every row needs the same number of features");
        }
        float[] out = new float[width];
        for (int j = 0; j < width; j++) {
            out[j] = (float) vector.apply(j);
        }
        return out;
    }

    private int classIndex(double label) {
        int index = (int) label;
        if (index != label || index < 0 || index >= numClasses) {
            throw new IllegalArgumentException("column '" + labelCol + "' has label " + label
                    + "; labels must be class indices 0.." + (numClasses - 1)
                    + " (set the number of classes in the config if there are more)");
        }
        return index;
    }
}
