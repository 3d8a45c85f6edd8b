package io.sparktrain.config;

import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.TableOptions;
import java.util.List;

/**
 * A table's columns and how they become examples.
 *
 * @param options  how the files are read
 * @param label    the label column: class names (data.labels) or a number to predict; empty with {@code outputs}
 * @param features the feature pipeline's plan: numeric and categorical columns, missing values, clipping,
 *                 normalization, encoding and class rebalancing
 * @param badRows  what to do with rows that fail the check (data.table.bad-rows)
 * @param outputs  for a graph with several outputs, the label of each, in the graph's output order;
 *                 empty for a network with one output, which learns {@code label}
 */
public record TableSection(TableOptions options, String label, FeaturePlan features, BadRowPolicy badRows,
        List<OutputLabel> outputs) {
    public TableSection {
        outputs = List.copyOf(outputs);
    }

    /** Whether the table feeds a network with several outputs, one label column each. */
    public boolean multiOutput() {
        return !outputs.isEmpty();
    }
}
