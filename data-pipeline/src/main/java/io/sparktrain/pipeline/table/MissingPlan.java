package io.sparktrain.pipeline.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a numeric feature's missing values are and what replaces them.
 *
 * @param strategy   for every column not in {@code byColumn}: drop (rows with a missing value are
 *                   left out and counted), mean, median, most-frequent or constant (fitted on the
 *                   training rows)
 * @param byColumn   a strategy per column, overriding {@code strategy}
 * @param fillValue  what constant puts in
 * @param sentinels  per column, a number that means missing there (e.g. 0 for an unknown income)
 * @param indicators columns that get a 0/1 "was missing" feature, computed before imputation
 */
public record MissingPlan(String strategy, Map<String, String> byColumn, double fillValue,
        Map<String, Double> sentinels, List<String> indicators) {
    public static final List<String> STRATEGIES = List.of("drop", "mean", "median", "most-frequent", "constant");

    public MissingPlan {
        byColumn = Map.copyOf(byColumn);
        sentinels = Map.copyOf(sentinels);
        indicators = List.copyOf(indicators);
        List<String> bad = new ArrayList<>();
        if (!STRATEGIES.contains(strategy)) {
            bad.add("'" + strategy + "'");
        }
        byColumn.forEach((column, s) -> {
            if (!STRATEGIES.contains(s)) {
                bad.add("'" + s + "' (column " + column + ")");
            }
        });
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("missing-value strategy " + String.join(", ", bad) + " is not one of "
                    + STRATEGIES);
        }
    }

    /** One strategy for every column, no sentinels, no indicators. */
    public static MissingPlan of(String strategy) {
        return new MissingPlan(strategy, Map.of(), 0, Map.of(), List.of());
    }

    public String strategyOf(String column) {
        return byColumn.getOrDefault(column, strategy);
    }

    /** The columns of {@code columns} grouped by their strategy, in column order. */
    public Map<String, List<String>> byStrategy(List<String> columns) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        columns.forEach(c -> groups.computeIfAbsent(strategyOf(c), s -> new ArrayList<>()).add(c));
        return groups;
    }
}
