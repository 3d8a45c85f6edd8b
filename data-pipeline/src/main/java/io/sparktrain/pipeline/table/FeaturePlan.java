package io.sparktrain.pipeline.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything that turns a table's columns into the network's feature vector, and the training
 * rows' class balance: one plan builds the whole {@link FeaturePipeline}.
 *
 * @param columns     numeric input columns, in the order of the vector's first entries
 * @param categorical text columns, each indexed by frequency (unseen values and missing cells go
 *                    to an extra "unknown" index) and then encoded per {@code encoding}
 * @param missing     missing numeric values: sentinels, indicators, strategy per column
 * @param clip        quantile clipping of numeric columns
 * @param normalize   scaling of the numeric columns: standard (zero mean, unit variance), min-max
 *                    (to [0, 1]), robust (median and interquartile range) or none
 * @param encoding    one-hot (one 0/1 entry per category, unknown included) or index (the category
 *                    index as one number, for an embedding)
 * @param imbalance   how the training rows are rebalanced
 */
public record FeaturePlan(List<String> columns, List<String> categorical, MissingPlan missing, ClipPlan clip,
        String normalize, String encoding, ImbalancePlan imbalance) {
    public static final List<String> NORMALIZE = List.of("standard", "min-max", "robust", "none");
    public static final List<String> ENCODINGS = List.of("one-hot", "index");
    /** The vector column the fitted pipeline adds. */
    public static final String FEATURES_COL = "features";

    public FeaturePlan {
        columns = List.copyOf(columns);
        categorical = List.copyOf(categorical);
        if (columns.isEmpty() && categorical.isEmpty()) {
            throw new IllegalArgumentException("a feature plan needs at least one column");
        }
        if (!NORMALIZE.contains(normalize)) {
            throw new IllegalArgumentException("normalize '" + normalize + "' is not one of " + NORMALIZE);
        }
        if (!ENCODINGS.contains(encoding)) {
            throw new IllegalArgumentException("categorical encoding '" + encoding + "' is not one of " + ENCODINGS);
        }
        List<String> unknown = new ArrayList<>();
        Set<String> numeric = Set.copyOf(columns);
        Stream.of(missing.byColumn().keySet(), missing.sentinels().keySet(), missing.indicators(), clip.columns())
                .flatMap(c -> c.stream()).filter(c -> !numeric.contains(c)).distinct().forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("column(s) " + unknown + " have missing-value or clipping settings but"
                    + " are not numeric feature columns " + columns);
        }
    }

    /** Numeric columns only, one missing strategy, standard-style normalization, nothing else. */
    public FeaturePlan(List<String> columns, String missing, String normalize) {
        this(columns, List.of(), MissingPlan.of(missing), ClipPlan.NONE, normalize, "one-hot", ImbalancePlan.NONE);
    }

    /** Numeric columns whose rows are dropped, not imputed, when the value is missing. */
    public List<String> dropColumns() {
        return columns.stream().filter(c -> missing.strategyOf(c).equals("drop")).toList();
    }
}
