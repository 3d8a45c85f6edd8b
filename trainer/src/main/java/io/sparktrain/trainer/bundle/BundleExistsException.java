package io.sparktrain.trainer.bundle;

/** Raised before any work when the output bundle exists and overwriting was not asked for. */
public class BundleExistsException extends RuntimeException {
    public BundleExistsException(String uri) {
        super("model bundle " + uri + " already exists; pass --overwrite to replace it,"
                + " or choose another directory with --output URI (or --set output.bundle=URI)");
    }
}
