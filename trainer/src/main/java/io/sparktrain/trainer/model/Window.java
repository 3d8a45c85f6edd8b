package io.sparktrain.trainer.model;

/**
 * The sliding window of a conv2d or pooling layer, and the output size it gives, computed the way
 * DL4J does (ConvolutionMode.Same, or Truncate with explicit padding).
 */
public record Window(Dims kernel, Dims stride, Padding padding) {
    public Dims outputOf(Dims input) {
        return new Dims(output(input.height(), kernel.height(), stride.height(), padding.explicit().height()),
                output(input.width(), kernel.width(), stride.width(), padding.explicit().width()));
    }

    private int output(int input, int kernel, int stride, int pad) {
        if (padding.same()) {
            return Math.floorDiv(input + stride - 1, stride);
        }
        // Floor division, so a kernel larger than the padded input gives a non-positive size.
        return Math.floorDiv(input - kernel + 2 * pad, stride) + 1;
    }

    public String describe() {
        return "kernel " + kernel + " (stride " + stride + ", padding " + padding.describe() + ")";
    }
}
