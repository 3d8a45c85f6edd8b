package io.sparktrain.config;

/**
 * @param name job name, used as the Spark application name and in the bundle
 * @param seed seed for weight initialisation, data splits and shuffling
 */
public record JobSection(String name, long seed) {}
