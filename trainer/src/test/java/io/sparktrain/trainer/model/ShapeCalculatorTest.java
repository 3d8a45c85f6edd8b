package io.sparktrain.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Output shapes as Keras (and DL4J) compute them. */
class ShapeCalculatorTest {
    private static final Shape.Image MNIST = new Shape.Image(28, 28, 1);

    private static Shape conv(Shape in, int kernel, int stride, Padding padding) {
        Window window = new Window(Dims.square(kernel), Dims.square(stride), padding);
        return ShapeCalculator.output(new Conv2dLayerSpec(8, window, Activation.RELU, 0, WeightInit.RELU), List.of(in));
    }

    @Test
    void convolutionPaddingModes() {
        assertEquals(new Shape.Image(26, 26, 8), conv(MNIST, 3, 1, Padding.VALID));
        assertEquals(new Shape.Image(28, 28, 8), conv(MNIST, 3, 1, Padding.SAME));
        assertEquals(new Shape.Image(14, 14, 8), conv(MNIST, 3, 2, Padding.SAME), "same: input / stride, rounded up");
        assertEquals(new Shape.Image(13, 13, 8), conv(MNIST, 3, 2, Padding.VALID), "valid: floor((28 - 3) / 2) + 1");
        assertEquals(new Shape.Image(14, 14, 8), conv(MNIST, 5, 2, new Padding(false, Dims.square(2))));
    }

    @Test
    void poolingKeepsChannels() {
        Window window = new Window(Dims.square(2), Dims.square(2), Padding.VALID);
        assertEquals(new Shape.Image(7, 7, 16), ShapeCalculator.output(new PoolingLayerSpec(LayerType.AVG_POOL, window),
                List.of(new Shape.Image(14, 15, 16))));
    }

    @Test
    void kernelLargerThanItsInputIsAProblemOnTheKernelKey() {
        ShapeException e = assertThrows(ShapeException.class, () -> conv(new Shape.Image(3, 3, 4), 5, 1, Padding.VALID));
        assertEquals("kernel", e.key());
        assertEquals("kernel 5x5 (stride 1x1, padding valid) on a 3x3 input gives -1x-1; use a smaller kernel or"
                + " stride, padding = same, or fewer pooling layers before this one", e.getMessage());
    }

    @Test
    void mergeConcatenatesTheLastDimensionAndAddNeedsEqualShapes() {
        assertEquals(new Shape.Image(7, 7, 24), ShapeCalculator.output(new MergeLayerSpec(),
                List.of(new Shape.Image(7, 7, 8), new Shape.Image(7, 7, 16))));
        assertEquals(new Shape.Flat(12), ShapeCalculator.output(new MergeLayerSpec(),
                List.of(new Shape.Flat(4), new Shape.Flat(8))));
        assertEquals("inputs", assertThrows(ShapeException.class, () -> ShapeCalculator.output(new AddLayerSpec(),
                List.of(new Shape.Flat(4), new Shape.Flat(8)))).key());
    }

    @Test
    void lstmReturnsASequenceOrItsLastStep() {
        Shape in = new Shape.Sequence(20, 16);
        assertEquals(new Shape.Sequence(20, 8), ShapeCalculator.output(
                new LstmLayerSpec(8, Activation.TANH, true, 0, WeightInit.XAVIER), List.of(in)));
        assertEquals(new Shape.Flat(8), ShapeCalculator.output(
                new LstmLayerSpec(8, Activation.TANH, false, 0, WeightInit.XAVIER), List.of(in)));
    }
}
