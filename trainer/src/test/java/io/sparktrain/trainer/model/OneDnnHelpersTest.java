package io.sparktrain.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.engine.NativeBuild;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * DL4J's oneDNN helpers against DL4J's built-in implementation, for every helper-backed layer type
 * the project builds: the same network, the same parameters and input, built once with helpers and
 * once without; outputs (training mode, so batch norm uses the batch's statistics) and the
 * gradients of every parameter must agree. The tolerance: float32 arithmetic in another order,
 * {@value #TOLERANCE} relative to the array's largest magnitude.
 *
 * <p>The test JVM runs the build the CPU would get ({@code testing.NativeBuildSession}); where that
 * build has oneDNN, the helper must also be present, so the comparison is not of one path with itself.
 */
class OneDnnHelpersTest {
    private static final double TOLERANCE = 1e-4;
    private static final long SEED = 7;
    private static final String OUTPUT = "{ type = output, units = 10, activation = softmax, loss = cross-entropy }";

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("conv2d same padding", 0, "{ type = conv2d, filters = 8, kernel = 3, padding = same, activation = relu }"),
                Arguments.of("conv2d valid stride 2", 0,
                        "{ type = conv2d, filters = 8, kernel = 5, stride = 2, activation = tanh }"),
                Arguments.of("max-pool", 1, "{ type = conv2d, filters = 8, kernel = 3, activation = relu }\n"
                        + "{ type = max-pool, kernel = 2 }"),
                Arguments.of("avg-pool", 1, "{ type = conv2d, filters = 8, kernel = 3, activation = relu }\n"
                        + "{ type = avg-pool, kernel = 3, stride = 2 }"),
                Arguments.of("batch-norm on images", 1, "{ type = conv2d, filters = 8, kernel = 3, activation = relu }\n"
                        + "{ type = batch-norm }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void helperGivesTheBuiltInOutputsAndGradients(String name, int helpedLayer, String layers) {
        NetworkSpec spec = Specs.parse("input { type = image, height = 14, width = 14, channels = 1 }\n"
                + "layers = [\n" + layers + "\n" + OUTPUT + "\n]");
        MultiLayerNetwork builtIn = withHelpers(false, () -> NetworkFactory.build(spec, SEED));
        MultiLayerNetwork helped = withHelpers(true, () -> NetworkFactory.build(spec, SEED));
        helped.setParams(builtIn.params().dup());

        assertNull(builtIn.getLayer(helpedLayer).getHelper(), name + ": the reference must run DL4J's own code");
        if (NativeBuild.requested().orElse(NativeBuild.Level.GENERIC).hasOneDnn()) {
            assertNotNull(helped.getLayer(helpedLayer).getHelper(), name + ": no oneDNN helper on a oneDNN build");
        }

        Nd4j.getRandom().setSeed(SEED);
        INDArray features = Nd4j.rand(16, 14 * 14);
        INDArray labels = Nd4j.zeros(16, 10);
        for (int i = 0; i < 16; i++) {
            labels.putScalar(i, i % 10, 1.0);
        }
        assertClose(name + " output", builtIn.output(features, true), helped.output(features, true));

        Map<String, INDArray> expected = gradients(builtIn, features, labels);
        Map<String, INDArray> actual = gradients(helped, features, labels);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((variable, gradient) -> assertClose(name + " gradient " + variable, gradient, actual.get(variable)));
    }

    private static Map<String, INDArray> gradients(MultiLayerNetwork network, INDArray features, INDArray labels) {
        network.setInput(features);
        network.setLabels(labels);
        network.computeGradientAndScore();
        Map<String, INDArray> byVariable = new TreeMap<>();
        network.gradient().gradientForVariable().forEach((variable, gradient) -> byVariable.put(variable, gradient.dup()));
        return byVariable;
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-6);
        double worst = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue() / scale;
        assertTrue(worst <= TOLERANCE, what + ": relative difference " + worst + " above " + TOLERANCE);
    }

    /** Builds a network with DL4J's helpers on or off: DL4J reads the property as each layer is created. */
    private static <T> T withHelpers(boolean on, Supplier<T> build) {
        String before = System.getProperty(NativeBuild.HELPERS_PROPERTY);
        System.setProperty(NativeBuild.HELPERS_PROPERTY, String.valueOf(!on));
        try {
            return build.get();
        } finally {
            if (before == null) {
                System.clearProperty(NativeBuild.HELPERS_PROPERTY);
            } else {
                System.setProperty(NativeBuild.HELPERS_PROPERTY, before);
            }
        }
    }
}
