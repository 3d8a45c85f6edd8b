package io.sparktrain.pipeline.batch;

import java.io.Serializable;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a trainer needs of a batcher: rows in, DL4J {@link DataSet} minibatches out, made inside
 * each partition; and which column, if any, a hold-out of these rows should keep the class
 * balance of. {@link MiniBatcher} serves networks with one output, {@link MultiMiniBatcher} those
 * with several.
 */
public interface DataSetBatcher extends Serializable {
    JavaRDD<DataSet> toDataSets(Dataset<Row> rows);

    /** The class-index column a hold-out stratifies by; empty when the rows hold no classes to balance. */
    Optional<String> classColumn();
}
