package io.sparktrain.config;

import java.util.Map;

/**
 * @param master Spark master URL ({@code local[*]}, {@code spark://host:7077}, {@code yarn}, ...)
 * @param conf   extra Spark properties, passed through unchanged
 */
public record SparkSection(String master, Map<String, String> conf) {
    public SparkSection {
        conf = Map.copyOf(conf);
    }
}
