package io.sparktrain.trainer.doctor;

import java.util.Objects;

/**
 * What one check found.
 *
 * @param message what was found, naming the value (and where it came from) when it is a bad one
 * @param fix     what to change, naming the key or command; empty only for OK
 */
public record CheckResult(Status status, String message, String fix) {
    public CheckResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(message);
        Objects.requireNonNull(fix);
        if (status != Status.OK && fix.isBlank()) {
            throw new IllegalArgumentException("a " + status + " result needs a fix: " + message);
        }
    }

    public static CheckResult ok(String message) {
        return new CheckResult(Status.OK, message, "");
    }

    public static CheckResult warn(String message, String fix) {
        return new CheckResult(Status.WARN, message, fix);
    }

    public static CheckResult fail(String message, String fix) {
        return new CheckResult(Status.FAIL, message, fix);
    }

    public static CheckResult skip(String message, String fix) {
        return new CheckResult(Status.SKIP, message, fix);
    }
}
