package io.sparktrain.bench;

import java.util.List;

/** The median of repeated measurements: one slow run on a shared machine does not move it. */
final class Medians {
    private Medians() {
    }

    static double of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
