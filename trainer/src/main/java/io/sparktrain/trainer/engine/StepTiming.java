package io.sparktrain.trainer.engine;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Durations of one kind (loading, computing, exchanging...) over training steps: count, total and
 * longest. A plain mutable class, not a record: it travels in task results, through Kryo, which
 * cannot build records.
 */
final class StepTiming implements Serializable {
    private static final long serialVersionUID = 1L;

    private long count;
    private long totalNanos;
    private long maxNanos;

    void add(long nanos) {
        count++;
        totalNanos += nanos;
        maxNanos = Math.max(maxNanos, nanos);
    }

    void addAll(StepTiming other) {
        count += other.count;
        totalNanos += other.totalNanos;
        maxNanos = Math.max(maxNanos, other.maxNanos);
    }

    long count() {
        return count;
    }

    double meanMillis() {
        return count == 0 ? 0 : totalNanos / 1e6 / count;
    }

    /** {count, totalMs, meanMs, maxMs}, as {@link TrainingStatsSummary} reports dl4j-spark's events. */
    Map<String, Double> summary() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("count", (double) count);
        values.put("totalMs", totalNanos / 1e6);
        values.put("meanMs", meanMillis());
        values.put("maxMs", maxNanos / 1e6);
        return values;
    }
}
