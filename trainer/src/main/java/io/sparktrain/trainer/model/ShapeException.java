package io.sparktrain.trainer.model;

/**
 * A layer that cannot take the shape it is given.
 *
 * @see ShapeCalculator
 */
public final class ShapeException extends RuntimeException {
    private final String key;

    /**
     * @param key the layer's key the problem is about, e.g. {@code kernel} (the reader prefixes
     *            the layer's path)
     */
    public ShapeException(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
