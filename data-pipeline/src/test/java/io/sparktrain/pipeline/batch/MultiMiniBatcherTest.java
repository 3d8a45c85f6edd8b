package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A two-headed ComputationGraph (3-class softmax + 2-target regression) fitted on the multi-output batches. */
@LocalSpark(threads = 2)
class MultiMiniBatcherTest {
    private static final MultiMiniBatcher BATCHER = new MultiMiniBatcher(FeatureSpec.vector("features"),
            List.of(LabelSpec.classes("kind", 3), LabelSpec.regression("targets", 2)), 8);
    private static SparkSession spark;

    /** 24 points on a grid; kind = which third of x they fall in; targets = (x + y, x - y). */
    private static Dataset<Row> points() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double x = (i % 6) / 5.0;
            double y = (i / 6) / 3.0;
            double kind = x < 0.34 ? 0 : x < 0.67 ? 1 : 2;
            rows.add(RowFactory.create(i, Vectors.dense(x, y), kind, Vectors.dense(x + y, x - y)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("features", SQLDataTypes.VectorType())
                .add("kind", DataTypes.DoubleType).add("targets", SQLDataTypes.VectorType());
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    private static List<MultiDataSet> batches(Dataset<Row> rows) {
        List<Row> selected = BatchColumns.select(rows.orderBy("id"), BATCHER.features(), BATCHER.labels()).collectAsList();
        List<MultiDataSet> out = new ArrayList<>();
        BATCHER.batches(selected.iterator()).forEachRemaining(out::add);
        return out;
    }

    private static ComputationGraph twoHeads() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(12345).updater(new Adam(0.03))
                .graphBuilder()
                .addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(2).nOut(16).activation(Activation.TANH).build(), "in")
                .addLayer("kind", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .addLayer("targets", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(2)
                        .activation(Activation.IDENTITY).build(), "hidden")
                .setOutputs("kind", "targets")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }

    private static double meanScore(ComputationGraph graph, List<MultiDataSet> batches) {
        return batches.stream().mapToDouble(b -> graph.score(b, false)).average().orElseThrow();
    }

    @Test
    void twoHeadedGraphLearnsFromOneLabelsArrayPerHead() {
        List<MultiDataSet> batches = batches(points());
        assertEquals(3, batches.size());
        MultiDataSet first = batches.get(0);
        assertEquals(1, first.getFeatures().length);
        assertArrayEquals(new long[] {8, 2}, first.getFeatures(0).shape());
        assertArrayEquals(new long[] {8, 3}, first.getLabels(0).shape());
        assertArrayEquals(new long[] {8, 2}, first.getLabels(1).shape());
        assertNull(first.getFeaturesMaskArrays());

        ComputationGraph graph = twoHeads();
        double before = meanScore(graph, batches);
        for (int epoch = 0; epoch < 60; epoch++) {
            batches.forEach(graph::fit);
        }
        double after = meanScore(graph, batches);

        assertTrue(after < before / 2, "score " + before + " -> " + after);
        INDArray[] out = graph.output(first.getFeatures(0));
        assertArrayEquals(new long[] {8, 3}, out[0].shape());
        assertArrayEquals(new long[] {8, 2}, out[1].shape());
    }

    @Test
    void sequenceFeaturesCarryTheirMaskIntoTheMultiDataSet() {
        MultiMiniBatcher batcher = new MultiMiniBatcher(FeatureSpec.sequence("ids", "mask"),
                List.of(LabelSpec.binary("spam", 1), LabelSpec.regression("score", 1)), 2);
        MultiDataSet batch = batcher.toMultiDataSet(List.of(
                RowFactory.create(Vectors.dense(2, 3, 0), Vectors.dense(1, 1, 0), 1.0, 0.5),
                RowFactory.create(Vectors.dense(4, 0, 0), Vectors.dense(1, 0, 0), 0.0, 2.0)));
        assertArrayEquals(new long[] {2, 1, 3}, batch.getFeatures(0).shape());
        assertArrayEquals(new float[][] {{1, 1, 0}, {1, 0, 0}}, batch.getFeaturesMaskArray(0).toFloatMatrix());
        assertArrayEquals(new float[][] {{1}, {0}}, batch.getLabels(0).toFloatMatrix());
        assertArrayEquals(new float[][] {{0.5f}, {2f}}, batch.getLabels(1).toFloatMatrix());
    }

    /** As DataSets, the heads' labels sit side by side in one array, in head order, split at {@code widths()}. */
    @Test
    void dataSetsCarryEveryHeadsLabelsSideBySide() {
        List<String> shapes = BATCHER.toDataSets(points()).map(ds -> Arrays.toString(ds.getLabels().shape())).collect();
        assertEquals(24, shapes.stream().mapToLong(s -> Long.parseLong(s.substring(1, s.indexOf(',')))).sum());
        assertTrue(shapes.stream().allMatch(s -> s.endsWith(", 5]")), shapes.toString());
        assertArrayEquals(new int[] {3, 2}, BATCHER.widths());
        assertEquals(java.util.Optional.of("kind"), BATCHER.classColumn(), "a hold-out keeps the classes' balance");
        org.nd4j.linalg.dataset.DataSet first = BATCHER.toDataSet(BatchColumns.select(points().orderBy("id"),
                BATCHER.features(), BATCHER.labels()).limit(2).collectAsList());
        MultiDataSet same = batches(points()).get(0);
        assertArrayEquals(new float[][] {
                {1, 0, 0, same.getLabels(1).getFloat(0, 0), same.getLabels(1).getFloat(0, 1)},
                {1, 0, 0, same.getLabels(1).getFloat(1, 0), same.getLabels(1).getFloat(1, 1)}},
                first.getLabels().toFloatMatrix());
    }

    @Test
    void batchesAreMadeOnTheExecutors() {
        List<String> shapes = BATCHER.toMultiDataSets(points())
                .map(mds -> mds.getFeatures(0).size(0) + ":" + Arrays.toString(mds.getLabels(0).shape())
                        + Arrays.toString(mds.getLabels(1).shape()))
                .collect();
        assertEquals(24, shapes.stream().mapToLong(s -> Long.parseLong(s.substring(0, s.indexOf(':')))).sum());
        assertTrue(shapes.stream().allMatch(s -> s.matches("\\d+:\\[\\d+, 3]\\[\\d+, 2]")), shapes.toString());
    }

    @Test
    void aBatcherWithoutLabelsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new MultiMiniBatcher(FeatureSpec.vector("features"), List.of(), 8));
    }
}
