package io.sparktrain.pipeline.check;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * What a table must hold to be used.
 *
 * @param features numeric columns: every present value must be a finite number
 * @param label    the label column, every row needs a value; empty when the label is not read (scoring)
 * @param classes  the allowed label values (as text); empty when the label is a number to predict
 * @param policy   what to do with rows that fail
 * @param training a training table must also give every feature some value and the label at least
 *                 two classes; a test or scoring table need not
 * @param declared the declared schema (data.table.schema), empty for none: every other declared
 *                 column that is not text must hold values of its type
 */
public record CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
        boolean training, Optional<StructType> declared) {
    public CheckSpec {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }

    /** A table without a declared schema. */
    public CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
            boolean training) {
        this(features, label, classes, policy, training, Optional.empty());
    }

    public boolean regression() {
        return classes.isEmpty();
    }
}
