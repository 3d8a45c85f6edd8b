package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.text.TextSequencer;
import io.sparktrain.pipeline.text.TextSequencerModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Texts through {@link TextSequencer} on Spark, then {@link MiniBatcher} sequence batches into a
 * real DL4J 1.0.0-M2 network: EmbeddingSequenceLayer(nIn 10, nOut 4) -> LastTimeStep(LSTM 8) ->
 * OutputLayer softmax 2. Proves the shapes ([batch, 1, T] indices, [batch, T] mask, [batch, 2]
 * labels) are what those layers read, and that masked padding does not change a prediction.
 */
@LocalSpark(threads = 2)
class EmbeddingLstmBatchesTest {
    /** Eight distinct tokens, so the sequencer's index count is 10: padding, OOV and eight words. */
    private static final List<String> SPAM = List.of("cheap pills", "win money", "cheap money win", "pills",
            "money money cheap", "win", "pills win cheap money", "cheap");
    private static final List<String> HAM = List.of("meeting noon", "project report", "noon meeting project", "report",
            "project project noon", "meeting", "report noon meeting project", "noon");
    private static final FeatureSpec SEQUENCE = FeatureSpec.sequence("ids", "mask");
    private static final MiniBatcher BATCHER = new MiniBatcher(SEQUENCE, LabelSpec.classes("label", 2), 4);
    private static SparkSession spark;

    private static Dataset<Row> texts() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < SPAM.size(); i++) {
            rows.add(RowFactory.create(2 * i, SPAM.get(i), 1.0));
            rows.add(RowFactory.create(2 * i + 1, HAM.get(i), 0.0));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType)
                .add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    private static TextSequencerModel sequencer(Dataset<Row> texts) {
        return new TextSequencer().setOutputCol("ids").setMaskCol("mask").setVocabSize(8).setSequenceLength(6).fit(texts);
    }

    /** The batcher's own partition function over rows read by Spark (DataSets are not shipped back: no ND4J Kryo here). */
    private static List<DataSet> batches(Dataset<Row> rows) {
        List<Row> selected = BatchColumns.select(rows.orderBy("id"), SEQUENCE, List.of(BATCHER.label())).collectAsList();
        List<DataSet> out = new ArrayList<>();
        BATCHER.batches(selected.iterator()).forEachRemaining(out::add);
        return out;
    }

    private static MultiLayerNetwork network(int indexCount, InputType inputType) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(0.05)).list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(indexCount).nOut(4).build())
                .layer(new LastTimeStep(new LSTM.Builder().nIn(4).nOut(8).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(inputType)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double meanScore(MultiLayerNetwork net, List<DataSet> batches) {
        return batches.stream().mapToDouble(b -> net.score(b, false)).average().orElseThrow();
    }

    private static MultiLayerNetwork trained(int indexCount, List<DataSet> batches) {
        MultiLayerNetwork net = network(indexCount, InputType.recurrent(indexCount));
        for (int epoch = 0; epoch < 25; epoch++) {
            batches.forEach(net::fit);
        }
        return net;
    }

    @Test
    void embeddingLstmLearnsFromSequenceBatches() {
        Dataset<Row> texts = texts();
        TextSequencerModel sequencer = sequencer(texts);
        assertEquals(10, sequencer.indexCount());
        List<DataSet> batches = batches(sequencer.transform(texts));
        assertEquals(4, batches.size());
        DataSet first = batches.get(0);
        assertArrayEquals(new long[] {4, 1, 6}, first.getFeatures().shape());
        assertArrayEquals(new long[] {4, 6}, first.getFeaturesMaskArray().shape());
        assertArrayEquals(new long[] {4, 2}, first.getLabels().shape());

        MultiLayerNetwork net = network(sequencer.indexCount(), InputType.recurrent(sequencer.indexCount()));
        double before = meanScore(net, batches);
        for (int epoch = 0; epoch < 25; epoch++) {
            batches.forEach(net::fit);
        }
        double after = meanScore(net, batches);

        assertTrue(after < before / 2, "score " + before + " -> " + after);
        INDArray out = net.output(first.getFeatures(), false, first.getFeaturesMaskArray(), null);
        assertArrayEquals(new long[] {4, 2}, out.shape());
        assertArrayEquals(first.getLabels().argMax(1).toIntVector(), out.argMax(1).toIntVector());
    }

    @Test
    void maskedPaddingDoesNotChangeThePrediction() {
        Dataset<Row> texts = texts();
        TextSequencerModel sequencer = sequencer(texts);
        List<DataSet> short6 = batches(sequencer.transform(texts));
        List<DataSet> long11 = batches(sequencer.copy(new org.apache.spark.ml.param.ParamMap())
                .setSequenceLength(11).transform(texts));
        MultiLayerNetwork net = trained(sequencer.indexCount(), short6);

        for (int b = 0; b < short6.size(); b++) {
            DataSet s = short6.get(b);
            DataSet l = long11.get(b);
            assertArrayEquals(new long[] {4, 1, 11}, l.getFeatures().shape());
            INDArray fromShort = net.output(s.getFeatures(), false, s.getFeaturesMaskArray(), null);
            INDArray fromLong = net.output(l.getFeatures(), false, l.getFeaturesMaskArray(), null);
            assertArrayEquals(fromShort.ravel().toDoubleVector(), fromLong.ravel().toDoubleVector(), 1e-5, "batch " + b);
        }
        DataSet l = long11.get(0);
        INDArray unmasked = net.output(l.getFeatures(), false, null, null);
        INDArray masked = net.output(l.getFeatures(), false, l.getFeaturesMaskArray(), null);
        assertTrue(Arrays.stream(unmasked.sub(masked).ravel().toDoubleVector()).map(Math::abs).max().orElseThrow() > 1e-4,
                "without the mask the padding steps would change the prediction");
    }

    @Test
    void batchesAreMadeOnTheExecutors() {
        Dataset<Row> texts = texts();
        List<String> shapes = BATCHER.toDataSets(sequencer(texts).transform(texts))
                .map(ds -> Arrays.toString(ds.getFeatures().shape()) + Arrays.toString(ds.getFeaturesMaskArray().shape())
                        + Arrays.toString(ds.getLabels().shape()))
                .collect();
        assertEquals(16, shapes.stream().mapToInt(s -> Integer.parseInt(s.substring(1, s.indexOf(',')))).sum());
        assertTrue(shapes.stream().allMatch(s -> s.matches("\\[\\d, 1, 6]\\[\\d, 6]\\[\\d, 2]")), shapes.toString());
    }

    @Test
    void recurrentInputTypeOfSizeOneWouldShrinkTheEmbeddingToOneIndex() {
        MultiLayerNetwork wrong = network(10, InputType.recurrent(1));
        DataSet batch = batches(sequencer(texts()).transform(texts())).get(0);
        assertThrows(DL4JInvalidInputException.class,
                () -> wrong.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), null),
                "DL4J overrides the embedding's nIn with the input type's size: use recurrent(indexCount)");
    }
}
