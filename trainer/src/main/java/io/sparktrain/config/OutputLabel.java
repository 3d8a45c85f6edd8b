package io.sparktrain.config;

import java.util.List;

/**
 * The label of one output of a multi-output graph ({@code data.table.outputs}).
 *
 * @param output  the graph's output vertex ({@code model.graph.outputs})
 * @param column  the table column it learns
 * @param classes the column's class names, index = class number; empty when it holds a number to predict
 */
public record OutputLabel(String output, String column, List<String> classes) {
    public OutputLabel {
        classes = List.copyOf(classes);
    }

    public boolean regression() {
        return classes.isEmpty();
    }
}
