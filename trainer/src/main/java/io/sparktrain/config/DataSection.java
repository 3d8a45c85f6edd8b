package io.sparktrain.config;

import java.util.List;
import java.util.Optional;

/**
 * Where the training and test data are and how to read them.
 *
 * @param root       folder that {@code scripts/fetch-data} fills for the {@code fetch} dataset
 * @param fetch      dataset to fetch into {@code root} when its files are missing locally, if any
 * @param format     input format ({@code idx})
 * @param train      training data
 * @param test       test data, evaluated after every epoch
 * @param labels     class names, index = class number
 * @param partitions Spark partitions to read with; 0 = Spark's default parallelism
 */
public record DataSection(String root, Optional<String> fetch, String format, IdxPair train, IdxPair test,
        List<String> labels, int partitions) {
    public DataSection {
        labels = List.copyOf(labels);
    }

    public int numClasses() {
        return labels.size();
    }
}
