package io.sparktrain.config;

/** Paths (any Hadoop URI) of an IDX images file and its labels file. */
public record IdxPair(String images, String labels) {}
