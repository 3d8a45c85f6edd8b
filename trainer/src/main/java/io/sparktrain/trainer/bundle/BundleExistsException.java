package io.sparktrain.trainer.bundle;

/** Raised before any work when the output bundle exists and neither overwriting nor resuming was asked for. */
public class BundleExistsException extends RuntimeException {
    public BundleExistsException(String message) {
        super(message);
    }
}
