package io.sparktrain.config;

import java.util.List;
import java.util.Optional;

/**
 * Where the training and test data are and how to read them.
 *
 * @param root       folder that {@code scripts/fetch-data} fills for the {@code fetch} dataset
 * @param fetch      dataset to fetch into {@code root} when its files are missing locally, if any
 * @param format     input format: idx, csv, json, parquet, libsvm or text
 * @param inputs     the input files of that format
 * @param labels     class names, index = class number; empty for regression (tables only)
 * @param partitions Spark partitions to read with; 0 = Spark's default parallelism
 */
public record DataSection(String root, Optional<String> fetch, String format, DataInputs inputs,
        List<String> labels, int partitions) {
    public DataSection {
        labels = List.copyOf(labels);
    }

    public int numClasses() {
        return labels.size();
    }

    /** Whether the label is a number to predict rather than a class. */
    public boolean regression() {
        return labels.isEmpty();
    }

    /** The IDX inputs; only for {@code format = idx}. */
    public DataInputs.Idx idx() {
        if (inputs instanceof DataInputs.Idx idx) {
            return idx;
        }
        throw new IllegalStateException("data.format is " + format + ", not idx");
    }

    public IdxPair train() {
        return idx().train();
    }

    public IdxPair test() {
        return idx().test();
    }

    public Optional<DataInputs.Text> text() {
        return inputs instanceof DataInputs.Text text ? Optional.of(text) : Optional.empty();
    }

    public Optional<DataInputs.Table> table() {
        return inputs instanceof DataInputs.Table table ? Optional.of(table) : Optional.empty();
    }
}
