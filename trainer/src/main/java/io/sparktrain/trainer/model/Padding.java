package io.sparktrain.trainer.model;

/**
 * Padding of a convolution or pooling window, as in Keras: {@code same} pads so the output is
 * {@code ceil(input / stride)}; otherwise {@code explicit} rows/columns of zeros on each side,
 * {@code valid} being zero padding.
 *
 * @param same     DL4J ConvolutionMode.Same; {@code explicit} is then unused
 * @param explicit zeros added on each side (top and bottom, left and right)
 */
public record Padding(boolean same, Dims explicit) {
    public static final Padding SAME = new Padding(true, Dims.square(0));
    public static final Padding VALID = new Padding(false, Dims.square(0));

    public String describe() {
        if (same) {
            return "same";
        }
        return explicit.equals(Dims.square(0)) ? "valid" : explicit.toString();
    }
}
