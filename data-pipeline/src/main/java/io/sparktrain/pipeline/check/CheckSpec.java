package io.sparktrain.pipeline.check;

import java.util.List;
import java.util.Optional;

/**
 * What a table must hold to be used.
 *
 * @param features numeric columns: every present value must be a finite number
 * @param label    the label column, every row needs a value; empty when the label is not read (scoring)
 * @param classes  the allowed label values (as text); empty when the label is a number to predict
 * @param policy   what to do with rows that fail
 * @param training a training table must also give every feature some value and the label at least
 *                 two classes; a test or scoring table need not
 */
public record CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
        boolean training) {
    public CheckSpec {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    public boolean regression() {
        return classes.isEmpty();
    }
}
