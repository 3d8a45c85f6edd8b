package io.sparktrain.pipeline.check;

import io.sparktrain.pipeline.settings.SettingNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/**
 * What a table must hold to be used.
 *
 * @param features numeric columns: every present value must be a finite number
 * @param labels   the label columns, every row needs a value in each; one for a network with one
 *                 output, one per output of a multi-output network, none when labels are not read (scoring)
 * @param policy   what to do with rows that fail
 * @param training a training table must also give every feature some value and each class label at
 *                 least two classes; a test or scoring table need not
 * @param declared the declared schema ({@code TableOptions.schema}), empty for none: every other
 *                 declared column that is not text must hold values of its type
 * @param settings how messages name the settings that fix a problem: the CLI passes its config keys
 */
public record CheckSpec(List<String> features, List<Label> labels, BadRowPolicy policy, boolean training,
        Optional<StructType> declared, SettingNames settings) {

    /**
     * One label column.
     *
     * @param column  the column
     * @param classes the allowed values (as text); empty when the label is a number to predict
     */
    public record Label(String column, List<String> classes) {
        public Label {
            classes = List.copyOf(classes);
        }

        public boolean regression() {
            return classes.isEmpty();
        }
    }

    public CheckSpec {
        features = List.copyOf(features);
        labels = List.copyOf(labels);
        Objects.requireNonNull(settings, "settings");
    }

    /** A table with at most one label column, with messages in the words of {@code settings}. */
    public CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
            boolean training, Optional<StructType> declared, SettingNames settings) {
        this(features, label.map(column -> List.of(new Label(column, classes))).orElse(List.of()), policy, training,
                declared, settings);
    }

    /** A table with at most one label column, whose messages name the library's own settings. */
    public CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
            boolean training, Optional<StructType> declared) {
        this(features, label, classes, policy, training, declared, SettingNames.LIBRARY);
    }

    /** As above, without a declared schema. */
    public CheckSpec(List<String> features, Optional<String> label, List<String> classes, BadRowPolicy policy,
            boolean training) {
        this(features, label, classes, policy, training, Optional.empty());
    }

    /** The allowed classes of a label column; empty for a number to predict or a column that is no label. */
    List<String> classesOf(String column) {
        return labels.stream().filter(l -> l.column().equals(column)).findFirst().map(Label::classes)
                .orElse(List.of());
    }

    boolean isLabel(String column) {
        return labels.stream().anyMatch(l -> l.column().equals(column));
    }
}
