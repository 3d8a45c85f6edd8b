package io.sparktrain.config;

/** @param bundle directory (any Hadoop URI) the model bundle is written to; never overwritten unless asked */
public record OutputSection(String bundle) {}
