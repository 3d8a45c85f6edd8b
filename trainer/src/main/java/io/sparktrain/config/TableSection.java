package io.sparktrain.config;

import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.TableOptions;

/**
 * A table's columns and how they become examples.
 *
 * @param options  how the files are read
 * @param label    the label column: class names (data.labels) or a number to predict
 * @param features numeric feature columns, missing-value policy and normalization
 */
public record TableSection(TableOptions options, String label, FeaturePlan features) {}
