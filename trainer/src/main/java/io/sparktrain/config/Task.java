package io.sparktrain.config;

/** What the network predicts: a class or a number. Decides the metrics a run reports. */
public enum Task {
    CLASSIFICATION,
    REGRESSION;

    public static Task of(boolean regression) {
        return regression ? REGRESSION : CLASSIFICATION;
    }

    /** The metric a run watches when the config does not choose one that fits this task. */
    public Metric defaultMetric() {
        return this == REGRESSION ? Metric.LOSS : Metric.ACCURACY;
    }
}
