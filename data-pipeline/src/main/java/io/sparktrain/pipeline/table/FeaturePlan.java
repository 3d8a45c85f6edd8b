package io.sparktrain.pipeline.table;

import java.util.List;

/**
 * How numeric columns become the network's feature vector.
 *
 * @param columns   numeric input columns, in the order of the vector's entries
 * @param missing   drop (rows with a missing feature are left out and counted), mean or median
 *                  (fitted on the training data)
 * @param normalize standard (zero mean, unit variance), min-max (to [0, 1]) or none, fitted on the training data
 */
public record FeaturePlan(List<String> columns, String missing, String normalize) {
    public static final List<String> MISSING = List.of("drop", "mean", "median");
    public static final List<String> NORMALIZE = List.of("standard", "min-max", "none");
    /** The vector column the fitted pipeline adds. */
    public static final String FEATURES_COL = "features";

    public FeaturePlan {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a feature plan needs at least one column");
        }
        if (!MISSING.contains(missing)) {
            throw new IllegalArgumentException("missing '" + missing + "' is not one of " + MISSING);
        }
        if (!NORMALIZE.contains(normalize)) {
            throw new IllegalArgumentException("normalize '" + normalize + "' is not one of " + NORMALIZE);
        }
    }
}
