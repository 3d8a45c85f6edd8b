package io.sparktrain.trainer.ml;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Saves a {@link NetworkModel} the way Spark saves its own models: params (columns, task, class
 * names) as JSON under {@code metadata/}, and under {@code data/} one Parquet row with a format
 * version and the network as the bytes of DL4J's ModelSerializer zip, so the model lives on any
 * Hadoop filesystem Spark can write to.
 */
final class NetworkModelWriter extends MLWriter {
    static final int FORMAT_VERSION = 1;
    static final StructType DATA_SCHEMA = new StructType()
            .add("formatVersion", DataTypes.IntegerType, false)
            .add("graph", DataTypes.BooleanType, false)
            .add("network", DataTypes.BinaryType, false);

    private final NetworkModel model;

    NetworkModelWriter(NetworkModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
        NetworkBlob blob = model.blob();
        sparkSession()
                .createDataFrame(List.of(RowFactory.create(FORMAT_VERSION, blob.graph(), blob.bytes())), DATA_SCHEMA)
                .repartition(1)
                .write()
                .parquet(new Path(path, "data").toString());
    }
}
