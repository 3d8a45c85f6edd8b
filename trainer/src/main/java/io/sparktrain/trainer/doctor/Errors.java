package io.sparktrain.trainer.doctor;

/** The innermost cause of an exception: what actually went wrong, under Spark's and Kryo's wrappers. */
final class Errors {
    private Errors() {
    }

    static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.toString();
    }
}
