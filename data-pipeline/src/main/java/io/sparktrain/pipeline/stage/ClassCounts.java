package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How many rows each class has, counted in one Spark aggregation, in Spark's ascending label order.
 *
 * <p>Why a class: resampling, class weights and stratified splits all start from these counts and
 * must reject the same bad labels (null, NaN, a continuous column passed by mistake) with the same
 * message, before any larger job runs.
 *
 * @param labelCol the label column the counts came from, for messages
 * @param counts   rows per label value; keys are the column's own values (e.g. {@code Double})
 */
public record ClassCounts(String labelCol, Map<Object, Long> counts) implements Serializable {
    /** More distinct labels than this means the column is not a class label. */
    public static final int MAX_CLASSES = 10_000;

    public ClassCounts {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("column '" + labelCol + "' has no rows: nothing to count classes in");
        }
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Counts the classes of {@code data}; fails, with counts, on null or NaN labels. */
    public static ClassCounts of(Dataset<?> data, String labelCol) {
        if (!Arrays.asList(data.columns()).contains(labelCol)) {
            throw new IllegalArgumentException("label column '" + labelCol + "' does not exist; available columns: "
                    + Arrays.toString(data.columns()));
        }
        List<Row> groups = data.groupBy(Columns.col(labelCol)).count().orderBy(Columns.col(labelCol))
                .limit(MAX_CLASSES + 1).collectAsList();
        if (groups.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("column '" + labelCol + "' has more than " + MAX_CLASSES
                    + " distinct values; a class label is needed (index it with StringIndexer)");
        }
        Map<Object, Long> counts = new LinkedHashMap<>();
        long missing = 0;
        for (Row group : groups) {
            Object label = group.get(0);
            if (label == null || (label instanceof Number n && Double.isNaN(n.doubleValue()))) {
                missing += group.getLong(1);
            } else {
                counts.put(label, group.getLong(1));
            }
        }
        if (missing > 0) {
            throw new IllegalArgumentException("column '" + labelCol + "' has " + missing
                    + " rows with a null or NaN label; drop them or fill the label before using it as a class");
        }
        return new ClassCounts(labelCol, counts);
    }

    public long count(Object label) {
        Long count = counts.get(label);
        return count == null ? 0 : count;
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long majority() {
        return counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    public long minority() {
        return counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    /**
     * Rows per class after oversampling: every class below {@code floor(ratio × majority)} is
     * raised to it; the others keep their count.
     */
    public Map<Object, Long> oversamplingTargets(double ratio) {
        long target = floor(ratio * majority());
        Map<Object, Long> targets = new LinkedHashMap<>();
        counts.forEach((label, n) -> targets.put(label, Math.max(n, target)));
        return targets;
    }

    /**
     * Rows per class after undersampling: every class above {@code floor(minority / ratio)} is
     * lowered to it; the others keep their count.
     */
    public Map<Object, Long> undersamplingTargets(double ratio) {
        long target = floor(minority() / ratio);
        Map<Object, Long> targets = new LinkedHashMap<>();
        counts.forEach((label, n) -> targets.put(label, Math.min(n, target)));
        return targets;
    }

    /** Floor that forgives the rounding error of a product such as 0.7 × 10 = 6.9999…. */
    private static long floor(double x) {
        return (long) Math.floor(x + 1e-9);
    }
}
