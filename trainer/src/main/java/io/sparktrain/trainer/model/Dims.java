package io.sparktrain.trainer.model;

/** A height and a width: of an image, a kernel, a stride or a padding. */
public record Dims(int height, int width) {
    /** {@code size} x {@code size}. */
    public static Dims square(int size) {
        return new Dims(size, size);
    }

    @Override
    public String toString() {
        return height + "x" + width;
    }
}
