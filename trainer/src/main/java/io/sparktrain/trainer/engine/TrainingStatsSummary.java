package io.sparktrain.trainer.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.spark.api.stats.SparkTrainingStats;
import org.deeplearning4j.spark.stats.EventStats;

/**
 * Turns dl4j-spark's raw timing events (one per broadcast, fit, aggregation...) into counts,
 * totals and means per kind of event, small enough for bundle.json.
 */
public final class TrainingStatsSummary {
    private TrainingStatsSummary() {
    }

    /** Event kind -> {count, totalMs, meanMs, maxMs}, nested statistics (the workers') included. */
    public static Map<String, Map<String, Double>> summarise(SparkTrainingStats stats) {
        Map<String, Map<String, Double>> summary = new TreeMap<>();
        for (SparkTrainingStats level = stats; level != null; level = level.getNestedTrainingStats()) {
            for (String key : level.getKeySet()) {
                List<EventStats> events = level.getValue(key);
                if (events == null || events.isEmpty()) {
                    continue;
                }
                long total = 0;
                long max = 0;
                for (EventStats event : events) {
                    total += event.getDurationMs();
                    max = Math.max(max, event.getDurationMs());
                }
                Map<String, Double> values = new LinkedHashMap<>();
                values.put("count", (double) events.size());
                values.put("totalMs", (double) total);
                values.put("meanMs", (double) total / events.size());
                values.put("maxMs", (double) max);
                summary.merge(level.getShortNameForKey(key), values, TrainingStatsSummary::add);
            }
        }
        return summary;
    }

    private static Map<String, Double> add(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> sum = new LinkedHashMap<>();
        double count = a.get("count") + b.get("count");
        double total = a.get("totalMs") + b.get("totalMs");
        sum.put("count", count);
        sum.put("totalMs", total);
        sum.put("meanMs", total / count);
        sum.put("maxMs", Math.max(a.get("maxMs"), b.get("maxMs")));
        return sum;
    }
}
