package io.sparktrain.pipeline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.io.File;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sequencer saved inside a Spark pipeline, fitted or not, loads back through Spark's own loaders. */
@LocalSpark(threads = 2)
class TextSequencerPersistenceTest {
    private static SparkSession spark;

    private static Dataset<Row> mails() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("mail", DataTypes.StringType)
                .add("kind", DataTypes.StringType);
        return spark.createDataFrame(List.of(
                RowFactory.create(0, "Subject: a\n\nCheap pills, cheap!", "spam"),
                RowFactory.create(1, "Subject: b\n\nMeeting at noon about pills", "ham"),
                RowFactory.create(2, "Subject: c\n\nnoon noon unknownword", "ham")), schema);
    }

    private static Pipeline pipeline() {
        TextSequencer sequencer = new TextSequencer().setInputCol("mail").setOutputCol("ids").setMaskCol("mask")
                .setSkipHeaders(true).setSequenceLength(4).setVocabSize(3).setMinCount(1);
        StringIndexer label = new StringIndexer().setInputCol("kind").setOutputCol("label");
        return new Pipeline().setStages(new PipelineStage[] {label, sequencer});
    }

    @Test
    void fittedPipelineSavesAndLoadsWithIdenticalOutput(@TempDir File dir) throws Exception {
        PipelineModel fitted = pipeline().fit(mails());
        String path = new File(dir, "pipeline").toURI().toString();
        fitted.write().save(path);

        PipelineModel loaded = PipelineModel.load(path);

        TextSequencerModel model = assertInstanceOf(TextSequencerModel.class, loaded.stages()[1]);
        TextSequencerModel original = (TextSequencerModel) fitted.stages()[1];
        assertEquals(List.of("noon", "cheap", "pills"), model.vocabulary());
        assertEquals(original.vocabulary(), model.vocabulary());
        assertEquals(original.uid(), model.uid());
        assertEquals(4, model.getSequenceLength());
        assertEquals(true, model.getSkipHeaders());
        assertEquals("mask", model.getMaskCol());
        assertEquals(rows(fitted.transform(mails())), rows(loaded.transform(mails())));
    }

    @Test
    void unfittedPipelineSavesAndLoadsWithItsParams(@TempDir File dir) throws Exception {
        String path = new File(dir, "estimator").toURI().toString();
        pipeline().write().save(path);

        Pipeline loaded = Pipeline.load(path);

        TextSequencer sequencer = assertInstanceOf(TextSequencer.class, loaded.getStages()[1]);
        assertEquals("mail", sequencer.getInputCol());
        assertEquals(3, sequencer.getVocabSize());
        assertEquals(TextSequencerParams.DEFAULT_TOKEN_PATTERN, sequencer.getTokenPattern());
        assertEquals(rows(pipeline().fit(mails()).transform(mails())), rows(loaded.fit(mails()).transform(mails())));
    }

    private static List<String> rows(Dataset<Row> out) {
        return out.orderBy("id").collectAsList().stream().map(Row::toString).toList();
    }
}
