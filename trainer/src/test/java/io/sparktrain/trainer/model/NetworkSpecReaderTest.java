package io.sparktrain.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** What a valid spec reads into: every syntax form and every default. */
class NetworkSpecReaderTest {
    @Test
    void windowsTakeOneNumberOrHeightAndWidthAndPoolingStrideDefaultsToItsKernel() {
        NetworkSpec spec = Specs.parse("""
                input { type = image, height = 28, width = 28, channels = 1 }
                layers = [
                  { type = conv2d, filters = 8, kernel = [3, 5], stride = 2, padding = [1, 2], activation = relu }
                  { type = conv2d, filters = 8, kernel = 3, padding = same, activation = relu }
                  { type = max-pool, kernel = 2 }
                  { type = output, units = 10, activation = softmax, loss = cross-entropy }
                ]
                """);
        List<LayerSpec> layers = spec.topology().layers();
        assertEquals(new Window(new Dims(3, 5), Dims.square(2), new Padding(false, new Dims(1, 2))),
                ((Conv2dLayerSpec) layers.get(0)).window());
        assertEquals(new Window(Dims.square(3), Dims.square(1), Padding.SAME), ((Conv2dLayerSpec) layers.get(1)).window());
        assertEquals(new PoolingLayerSpec(LayerType.MAX_POOL, new Window(Dims.square(2), Dims.square(2), Padding.VALID)),
                layers.get(2));
        assertEquals(new Shape.Image(28, 28, 1), spec.input());
        assertEquals(784, spec.inputSize(), "the data holds an image flat");
    }

    @Test
    void networkWideDropoutAndWeightInitApplyWhereALayerSetsNone() {
        NetworkSpec spec = Specs.parse("""
                input { size = 10 }
                dropout = 0.3
                weight-init = xavier
                layers = [
                  { type = dense, units = 8, activation = relu }
                  { type = dense, units = 8, activation = relu, dropout = 0.1, weight-init = relu }
                  { type = output, units = 3, activation = softmax, loss = cross-entropy }
                ]
                """);
        List<LayerSpec> layers = spec.topology().layers();
        assertEquals(new DenseLayerSpec(8, Activation.RELU, 0, WeightInit.XAVIER), layers.get(0),
                "raw features are not dropped unless the layer says so");
        assertEquals(new DenseLayerSpec(8, Activation.RELU, 0.1, WeightInit.RELU), layers.get(1));
        assertEquals(new OutputLayerSpec(3, Activation.SOFTMAX, Loss.CROSS_ENTROPY, List.of(), 0.3, WeightInit.XAVIER),
                layers.get(2));
    }

    @Test
    void sequenceLayersTakeKerasDefaults() {
        NetworkSpec spec = Specs.parse("""
                input { type = sequence, length = 12 }
                layers = [
                  { type = embedding, vocab-size = 100, dimension = 16 }
                  { type = lstm, units = 8 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy, class-weights = [1, 4] }
                ]
                """);
        assertEquals(new Shape.Sequence(12, 1), spec.input(), "one token index per step");
        assertEquals(new LstmLayerSpec(8, Activation.TANH, false, 0, WeightInit.RELU), spec.topology().layers().get(1));
        assertEquals(List.of(1.0, 4.0), spec.outputLayer().classWeights());
    }

    @Test
    void optimizerScheduleAndClippingAreRead() {
        NetworkSpec spec = Specs.parse("""
                input { size = 4 }
                l2 = 0.0001
                gradient-clipping { type = norm, threshold = 5 }
                optimizer { type = sgd, learning-rate = 0.1, momentum = 0.9, schedule { type = step, decay = 0.5, every = 3 } }
                layers = [ { type = output, units = 1, activation = sigmoid, loss = binary-cross-entropy } ]
                """);
        assertEquals(new OptimizerSpec(OptimizerType.SGD, 0.1, 0.9, new LearningRateSchedule.Step(0.5, 3)), spec.optimizer());
        assertEquals(new GradientClipping(GradientClipping.Type.NORM, 5), spec.clipping());
        assertEquals(0.0001, spec.l2());
    }

    @Test
    void graphKeepsItsOutputsInTheOrderGiven() {
        NetworkSpec spec = Specs.parse(Specs.TWO_HEADS.replace("outputs = [digit, flag]", "outputs = [flag, digit]"));
        assertTrue(spec.isGraph());
        assertEquals(List.of(1, 3), spec.outputs().stream().map(OutputLayerSpec::units).toList());
        assertEquals(List.of("trunk"), ((Topology.Graph) spec.topology()).vertex("digit").inputs());
    }

    @Test
    void defaultsAreAStackWithAdamAndNoSchedule() {
        NetworkSpec spec = Specs.parse("""
                input { size = 4 }
                layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ]
                """);
        assertFalse(spec.isGraph());
        assertEquals(new OptimizerSpec(OptimizerType.ADAM, 0.001, 0, new LearningRateSchedule.Constant()), spec.optimizer());
        assertEquals(GradientClipping.Type.NONE, spec.clipping().type());
    }

    @Test
    void readmeExampleIsValidAndBuilds() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("sparktrain.project.dir"), "README.md"));
        String section = readme.substring(readme.indexOf("## Network spec"));
        String example = section.substring(section.indexOf("```hocon") + "```hocon".length(), section.indexOf("```\n", section.indexOf("```hocon") + 1));
        String model = ConfigFactory.parseString(example).getConfig("model").root().render();
        ComputationGraph network = NetworkFactory.buildGraph(Specs.parse(model), 1);
        assertEquals(List.of("digit", "odd"), network.getConfiguration().getNetworkOutputs());
    }
}
