package io.sparktrain.trainer.ml;

import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Row;
import scala.Option;

/** Reads what {@link NetworkModelWriter} saved; {@code PipelineModel.load} reaches it via {@code NetworkModel.read()}. */
final class NetworkModelReader extends MLReader<NetworkModel> {

    @Override
    public NetworkModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(), NetworkModel.class.getName());
        Row data = sparkSession().read().parquet(new Path(path, "data").toString())
                .select("formatVersion", "graph", "network").head();
        int version = data.getInt(0);
        if (version != NetworkModelWriter.FORMAT_VERSION) {
            throw new IllegalStateException("network model at " + path + " was saved in format " + version
                    + "; this build reads format " + NetworkModelWriter.FORMAT_VERSION
                    + " (retrain, or load it with the sparktrain version that saved it)");
        }
        NetworkModel model = new NetworkModel(metadata.uid(), NetworkParams.CLASSIFICATION,
                new NetworkBlob((byte[]) data.get(2), data.getBoolean(1)));
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}
