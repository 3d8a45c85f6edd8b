package io.sparktrain.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * One network per family, built from a HOCON spec and trained a few steps on tiny synthetic data
 * in this JVM: the loss must fall, the output have the right shape, and the network survive the
 * JSON round trip that Spark training and the model bundle put it through.
 */
class NetworkFactoryTest {
    private static final long SEED = 42;

    @Test
    void denseNetworkWithDropoutBatchNormAndClassWeightsLearns() throws IOException {
        NetworkSpec spec = Specs.parse("""
                input { size = 4 }
                optimizer { type = adam, learning-rate = 0.01 }
                layers = [
                  { type = dense, units = 16, activation = leakyrelu }
                  { type = batch-norm }
                  { type = dropout, rate = 0.2 }
                  { type = dense, units = 16, activation = tanh }
                  { type = output, units = 3, activation = softmax, loss = cross-entropy, class-weights = [1, 2, 1] }
                ]
                """);
        // Label: which of the first three features is largest.
        INDArray features = Nd4j.rand(64, 4);
        DataSet data = new DataSet(features, oneHot(64, 3, i -> largestOfFirstThree(features.getRow(i))));

        MultiLayerNetwork network = NetworkFactory.build(spec, SEED);
        assertLearns(network, data, 40);
        assertArrayEquals(new long[] {64, 3}, network.output(features).shape());
        assertEquals(network.output(features), roundTrip(network).output(features));
    }

    @Test
    void parameterCountWithoutBuildingMatchesTheBuiltNetwork() {
        NetworkSpec spec = Specs.parse("""
                input { type = image, height = 12, width = 12, channels = 1 }
                layers = [
                  { type = conv2d, filters = 4, kernel = 3, padding = same, activation = relu }
                  { type = batch-norm }
                  { type = max-pool, kernel = 2 }
                  { type = dense, units = 16, activation = relu }
                  { type = output, units = 3, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertEquals(NetworkFactory.build(spec, SEED).numParams(), NetworkFactory.parameterCount(spec));
        NetworkSpec graph = Specs.parse(Specs.TWO_HEADS);
        assertEquals(NetworkFactory.buildGraph(graph, SEED).numParams(), NetworkFactory.parameterCount(graph));
    }

    @Test
    void convolutionalNetworkOnFlatMnistSizedImagesLearns() throws IOException {
        NetworkSpec spec = Specs.parse("""
                input { type = image, height = 28, width = 28, channels = 1 }
                optimizer { type = adam, learning-rate = 0.005 }
                layers = [
                  { type = conv2d, filters = 4, kernel = 3, padding = same, activation = relu }
                  { type = max-pool, kernel = 2 }
                  { type = conv2d, filters = 4, kernel = [3, 3], stride = 2, activation = relu }
                  { type = avg-pool, kernel = 2 }
                  { type = flatten }
                  { type = dense, units = 16, activation = relu }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        // Class 0: bright top half, class 1: bright bottom half; rows of 28 pixels, flat as the data arrives.
        int n = 16;
        INDArray features = Nd4j.rand(n, 784).muli(0.3);
        for (int i = 0; i < n; i++) {
            int firstRow = i % 2 == 0 ? 0 : 14;
            for (int p = firstRow * 28; p < (firstRow + 14) * 28; p++) {
                features.putScalar(i, p, features.getDouble(i, p) + 0.7);
            }
        }
        DataSet data = new DataSet(features, oneHot(n, 2, i -> i % 2));

        MultiLayerNetwork network = NetworkFactory.build(spec, SEED);
        assertLearns(network, data, 15);
        assertArrayEquals(new long[] {n, 2}, network.output(features).shape());
        assertEquals(network.output(features), roundTrip(network).output(features));
    }

    @Test
    void embeddingAndLstmOnPaddedSequencesLearnAndIgnoreThePadding() throws IOException {
        NetworkSpec spec = Specs.parse("""
                input { type = sequence, length = 6 }
                optimizer { type = adam, learning-rate = 0.02 }
                layers = [
                  { type = embedding, vocab-size = 10, dimension = 8 }
                  { type = lstm, units = 8 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        // Token indices [examples, 1, steps]; sequences of 2 to 6 tokens, padded with index 0 and masked.
        // Label: whether token 7 occurs.
        int n = 24;
        int length = 6;
        Random random = new Random(7);
        INDArray tokens = Nd4j.zeros(n, 1, length);
        INDArray mask = Nd4j.zeros(n, length);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            int steps = 2 + random.nextInt(length - 1);
            for (int t = 0; t < steps; t++) {
                int token = 1 + random.nextInt(9);
                tokens.putScalar(new int[] {i, 0, t}, token);
                mask.putScalar(i, t, 1);
                classes[i] = token == 7 ? 1 : classes[i];
            }
        }
        DataSet data = new DataSet(tokens, oneHot(n, 2, i -> classes[i]), mask, null);

        MultiLayerNetwork network = NetworkFactory.build(spec, SEED);
        assertLearns(network, data, 30);
        INDArray output = network.output(tokens, false, mask, null);
        assertArrayEquals(new long[] {n, 2}, output.shape());

        INDArray otherPadding = tokens.dup();
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                if (mask.getDouble(i, t) == 0) {
                    otherPadding.putScalar(new int[] {i, 0, t}, 3);
                }
            }
        }
        assertEquals(output, network.output(otherPadding, false, mask, null), "masked steps do not count");
        assertNotEquals(network.output(tokens), network.output(otherPadding), "without the mask they would");
        assertEquals(output, roundTrip(network).output(tokens, false, mask, null));
    }

    @Test
    void lstmReturningSequencesEndsInAPerStepOutputLayer() {
        NetworkSpec spec = Specs.parse("""
                input { type = sequence, length = 5, features = 3 }
                layers = [
                  { type = lstm, units = 4, return-sequences = true }
                  { type = dropout, rate = 0.1 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        MultiLayerNetwork network = NetworkFactory.build(spec, SEED);
        assertInstanceOf(RnnOutputLayer.class, network.getLayerWiseConfigurations().getConf(2).getLayer());
        assertArrayEquals(new long[] {2, 2, 5}, network.output(Nd4j.rand(new int[] {2, 3, 5})).shape());
    }

    @Test
    void graphWithASharedTrunkAndTwoHeadsLearnsBothLosses() throws IOException {
        NetworkSpec spec = Specs.parse("""
                input { size = 6 }
                optimizer { type = adam, learning-rate = 0.01 }
                graph {
                  vertices = [
                    { name = trunk, inputs = [input], type = dense, units = 16, activation = relu }
                    { name = side, inputs = [input], type = dense, units = 8, activation = tanh }
                    { name = both, inputs = [trunk, side], type = merge }
                    { name = digit, inputs = [both], type = output, units = 3, activation = softmax, loss = cross-entropy }
                    { name = flag, inputs = [trunk], type = output, units = 1, activation = sigmoid, loss = binary-cross-entropy }
                  ]
                  outputs = [digit, flag]
                }
                """);
        int n = 48;
        INDArray features = Nd4j.rand(n, 6);
        INDArray digit = oneHot(n, 3, i -> features.getDouble(i, 0) > features.getDouble(i, 1) ? 0
                : features.getDouble(i, 2) > 0.5 ? 1 : 2);
        INDArray flag = features.getColumn(3).gt(0.5).castTo(features.dataType()).reshape(n, 1);
        MultiDataSet data = new MultiDataSet(new INDArray[] {features}, new INDArray[] {digit, flag});

        ComputationGraph network = NetworkFactory.buildGraph(spec, SEED);
        double before = network.score(data);
        for (int i = 0; i < 40; i++) {
            network.fit(data);
        }
        double after = network.score(data);
        assertTrue(after < 0.8 * before, "loss " + before + " -> " + after);
        INDArray[] outputs = network.output(features);
        assertArrayEquals(new long[] {n, 3}, outputs[0].shape());
        assertArrayEquals(new long[] {n, 1}, outputs[1].shape());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), true);
        assertEquals(outputs[1], restored.output(features)[1]);
    }

    @Test
    void optimizerScheduleClippingAndPerLayerWeightInitReachDl4j() {
        NetworkSpec spec = Specs.parse("""
                input { size = 4 }
                gradient-clipping { type = norm, threshold = 2 }
                optimizer { type = sgd, learning-rate = 0.1, momentum = 0.9, schedule { type = step, decay = 0.5, every = 1 } }
                layers = [
                  { type = dense, units = 4, activation = relu, weight-init = xavier }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        MultiLayerNetwork network = NetworkFactory.build(spec, SEED);
        BaseLayer dense = (BaseLayer) network.getLayerWiseConfigurations().getConf(0).getLayer();
        assertInstanceOf(Nesterovs.class, dense.getIUpdater());
        assertInstanceOf(WeightInitXavier.class, dense.getWeightInitFn());
        assertEquals(GradientNormalization.ClipL2PerLayer, dense.getGradientNormalization());
        assertEquals(0.1, network.getLearningRate(0), 1e-9);
        network.incrementEpochCount();
        network.incrementEpochCount();
        assertEquals(0.025, network.getLearningRate(0), 1e-9, "halved every epoch");

        assertInstanceOf(RmsProp.class, updaterOf("rmsprop"));
        assertInstanceOf(AdaGrad.class, updaterOf("adagrad"));
    }

    private static Object updaterOf(String type) {
        NetworkSpec spec = Specs.parse("input { size = 4 }\noptimizer.type = " + type + "\n"
                + "layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ]");
        return ((BaseLayer) NetworkFactory.build(spec, SEED).getLayerWiseConfigurations().getConf(0).getLayer())
                .getIUpdater();
    }

    private static void assertLearns(MultiLayerNetwork network, DataSet data, int iterations) {
        double before = network.score(data);
        for (int i = 0; i < iterations; i++) {
            network.fit(data);
        }
        double after = network.score(data);
        assertTrue(after < 0.8 * before, "loss " + before + " -> " + after);
    }

    private static int largestOfFirstThree(INDArray row) {
        int largest = 0;
        for (int j = 1; j < 3; j++) {
            largest = row.getDouble(j) > row.getDouble(largest) ? j : largest;
        }
        return largest;
    }

    private static INDArray oneHot(int examples, int classes, java.util.function.IntUnaryOperator label) {
        INDArray labels = Nd4j.zeros(examples, classes);
        for (int i = 0; i < examples; i++) {
            labels.putScalar(i, label.applyAsInt(i), 1);
        }
        return labels;
    }

    private static MultiLayerNetwork roundTrip(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, true);
        return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()), true);
    }
}
