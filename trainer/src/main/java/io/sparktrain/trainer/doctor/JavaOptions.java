package io.sparktrain.trainer.doctor;

import java.util.Optional;

/** Reads {@code -Dkey=value} properties out of a JVM options string such as {@code spark.executor.extraJavaOptions}. */
final class JavaOptions {
    private JavaOptions() {
    }

    /** The value the JVM will see: the last {@code -Dkey=} wins, as on a java command line. */
    static Optional<String> property(String options, String key) {
        String prefix = "-D" + key + "=";
        String value = null;
        for (String token : options.trim().split("\\s+")) {
            if (token.startsWith(prefix)) {
                value = token.substring(prefix.length());
            }
        }
        return Optional.ofNullable(value);
    }
}
