package io.sparktrain.pipeline.text;

import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Saves a {@link TextSequencerModel} the way Spark saves its own models: params as JSON under
 * {@code metadata/}, the vocabulary as one Parquet row under {@code data/}, with a format version
 * so a later layout can still read this one or refuse it clearly.
 */
final class TextSequencerModelWriter extends MLWriter {
    static final int FORMAT_VERSION = 1;
    static final StructType DATA_SCHEMA = new StructType()
            .add("formatVersion", DataTypes.IntegerType, false)
            .add("vocabulary", DataTypes.createArrayType(DataTypes.StringType, false), false);

    private final TextSequencerModel model;

    TextSequencerModelWriter(TextSequencerModel model) {
        this.model = model;
    }

    @Override
    public void saveImpl(String path) {
        DefaultParamsWriter.saveMetadata(model, path, sc(), Option.empty(), Option.empty());
        sparkSession()
                .createDataFrame(List.of(RowFactory.create(FORMAT_VERSION, model.vocabulary().toArray(String[]::new))),
                        DATA_SCHEMA)
                .repartition(1)
                .write()
                .parquet(new Path(path, "data").toString());
    }
}
