package io.sparktrain.pipeline.text;

import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Row;
import scala.Option;

/** Reads what {@link TextSequencerModelWriter} saved; {@code PipelineModel.load} reaches it via {@code TextSequencerModel.read()}. */
final class TextSequencerModelReader extends MLReader<TextSequencerModel> {

    @Override
    public TextSequencerModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
                TextSequencerModel.class.getName());
        Row data = sparkSession().read().parquet(new Path(path, "data").toString())
                .select("formatVersion", "vocabulary").head();
        int version = data.getInt(0);
        if (version != TextSequencerModelWriter.FORMAT_VERSION) {
            throw new IllegalStateException("text sequencer at " + path + " was saved in format " + version
                    + "; this build reads format " + TextSequencerModelWriter.FORMAT_VERSION
                    + " (refit the pipeline, or load it with the sparktrain version that saved it)");
        }
        TextSequencerModel model = new TextSequencerModel(metadata.uid(), data.getList(1));
        metadata.getAndSetParams(model, Option.empty());
        return model;
    }
}
