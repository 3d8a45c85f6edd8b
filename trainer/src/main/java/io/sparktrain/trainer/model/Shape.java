package io.sparktrain.trainer.model;

/**
 * What one example looks like at some point of a network: the network input as declared under
 * {@code model.input}, and the output of every layer as {@link ShapeCalculator} derives it.
 */
public sealed interface Shape permits Shape.Flat, Shape.Image, Shape.Sequence {
    /** Number of values per example, as the data holds them. */
    int values();

    /** For messages, e.g. {@code "a 28x28x1 image"}. */
    String describe();

    /** A vector of {@code size} values. */
    record Flat(int size) implements Shape {
        @Override
        public int values() {
            return size;
        }

        @Override
        public String describe() {
            return "a flat vector of " + size;
        }
    }

    /**
     * An image of {@code channels} planes of {@code height x width}; as network input it arrives
     * flat, channel after channel, each plane row-major.
     */
    record Image(int height, int width, int channels) implements Shape {
        public Dims dims() {
            return new Dims(height, width);
        }

        @Override
        public int values() {
            return height * width * channels;
        }

        @Override
        public String describe() {
            return "a " + height + "x" + width + "x" + channels + " image";
        }
    }

    /**
     * {@code length} time steps of {@code features} values each (one token index per step when
     * an embedding reads it); shorter sequences are padded and masked.
     */
    record Sequence(int length, int features) implements Shape {
        @Override
        public int values() {
            return length * features;
        }

        @Override
        public String describe() {
            return "a sequence of " + length + " steps x " + features;
        }
    }
}
