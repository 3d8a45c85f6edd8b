package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.model.Specs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A graph with a class output and a number output trained on DataSets whose labels hold both heads side by side. */
class OutputSplitTest {
    private static Network.Graph twoHeads() {
        return (Network.Graph) Network.build(Specs.parse("""
                input { size = 2 }
                graph {
                  vertices = [
                    { name = trunk, inputs = [input], type = dense, units = 16, activation = tanh }
                    { name = side, inputs = [trunk], type = output, units = 2, activation = softmax, loss = cross-entropy }
                    { name = sum, inputs = [trunk], type = output, units = 1, activation = identity, loss = mse }
                  ]
                  outputs = [side, sum]
                }
                optimizer { type = adam, learning-rate = 0.03 }
                """), 7);
    }

    /** 4 batches of 8 points: side = whether x > y (one-hot), sum = x + y; labels [side0, side1, sum]. */
    private static List<DataSet> batches() {
        List<DataSet> batches = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int b = 0; b < 4; b++) {
            float[][] x = new float[8][2];
            float[][] y = new float[8][3];
            for (int i = 0; i < 8; i++) {
                x[i][0] = random.nextFloat();
                x[i][1] = random.nextFloat();
                y[i][x[i][0] > x[i][1] ? 1 : 0] = 1;
                y[i][2] = x[i][0] + x[i][1];
            }
            batches.add(new DataSet(Nd4j.create(x), Nd4j.create(y)));
        }
        return batches;
    }

    @Test
    void labelsAreCutIntoTheHeadsInTheGraphsOutputOrder() {
        Network.Graph network = twoHeads();
        OutputSplit split = OutputSplit.of(network.graph()).orElseThrow();
        assertEquals(List.of(new OutputSplit.Head("side", 2, true), new OutputSplit.Head("sum", 1, false)), split.heads());
        DataSet batch = new DataSet(Nd4j.create(new float[][] {{0.1f, 0.2f}}), Nd4j.create(new float[][] {{0, 1, 0.3f}}));
        MultiDataSet heads = split.split(batch);
        assertArrayEquals(new float[][] {{0, 1}}, heads.getLabels(0).toFloatMatrix());
        assertArrayEquals(new float[][] {{0.3f}}, heads.getLabels(1).toFloatMatrix());
        assertEquals(batch.getFeatures(), heads.getFeatures(0));
        assertThrows(IllegalArgumentException.class, () -> split.split(new DataSet(batch.getFeatures(),
                Nd4j.create(new float[][] {{0, 1}}))), "two label columns for heads of 2 + 1");
        assertTrue(OutputSplit.of(((Network.Graph) Network.build(Specs.parse("""
                input { size = 2 }
                graph {
                  vertices = [ { name = out, inputs = [input], type = output, units = 1, activation = identity, loss = mse } ]
                  outputs = [out]
                }
                """), 7)).graph()).isEmpty(), "a graph with one output fits its DataSets as they are");
    }

    @Test
    void aGraphWithTwoOutputsLearnsBothFromDataSets() {
        Network.Graph network = twoHeads();
        OutputSplit split = OutputSplit.of(network.graph()).orElseThrow();
        List<DataSet> batches = batches();
        double before = batches.stream().mapToDouble(b -> network.graph().score(split.split(b))).average().orElseThrow();
        for (int epoch = 0; epoch < 100; epoch++) {
            batches.forEach(network::fit);
        }
        double after = batches.stream().mapToDouble(b -> network.graph().score(split.split(b))).average().orElseThrow();
        assertTrue(after < before / 3, "loss " + before + " -> " + after);
        assertEquals(2, network.outputCount());
        assertThrows(IllegalStateException.class, () -> network.output(batches.get(0).getFeatures(), null));
        assertEquals(2, network.outputs(batches.get(0).getFeatures(), null).length);
    }
}
