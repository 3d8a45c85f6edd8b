package io.sparktrain.trainer.doctor;

/** How a check came out: in order of what it means for a training job. */
public enum Status {
    /** Nothing to do. */
    OK,
    /** Training runs, but slower or less safely than it could; the fix says how to do better. */
    WARN,
    /** Training would fail or be killed; {@code train} refuses to start. */
    FAIL,
    /** Not run, because a FAIL before it makes the check impossible (e.g. Spark cannot start). */
    SKIP
}
