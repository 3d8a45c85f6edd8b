package io.sparktrain.trainer.bundle;

/** A model bundle that cannot be used, with what is wrong and what to do about it. */
public final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BundleException(String uri, String problem, String fix) {
        super("model bundle " + uri + ": " + problem + "; " + fix);
    }
}
