package io.sparktrain.config;

import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.TableOptions;

/**
 * A table's columns and how they become examples.
 *
 * @param options  how the files are read
 * @param label    the label column: class names (data.labels) or a number to predict
 * @param features the feature pipeline's plan: numeric and categorical columns, missing values, clipping,
 *                 normalization, encoding and class rebalancing
 * @param badRows  what to do with rows that fail the check (data.table.bad-rows)
 */
public record TableSection(TableOptions options, String label, FeaturePlan features, BadRowPolicy badRows) {}
