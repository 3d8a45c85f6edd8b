package io.sparktrain.pipeline.check;

import java.util.List;
import java.util.Objects;
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
 * @param declared the declared schema ({@code TableOptions.schema}), empty for none: every other
 *                 declared column that is not text must hold values of its type
 * @param settings how messages name the settings that fix a problem: the CLI passes its config keys
 */
public record CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
        boolean training, Optional<StructType> declared, SettingNames settings) {
    public CheckSpec {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        Objects.requireNonNull(settings, "settings");
    }

    /** A check whose messages name the library's own settings. */
    public CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
            boolean training, Optional<StructType> declared) {
        this(features, label, classes, policy, training, declared, SettingNames.LIBRARY);
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
