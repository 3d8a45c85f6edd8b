package io.sparktrain.config;

/**
 * Stop training when the validation metric has not improved by {@code minDelta} for
 * {@code patience} epochs.
 *
 * @param metric      validation metric watched
 * @param restoreBest end with the network of the best epoch rather than the last one
 */
public record EarlyStoppingSection(boolean enabled, Metric metric, int patience, double minDelta, boolean restoreBest) {
    public boolean lowerIsBetter() {
        return metric.lowerIsBetter();
    }

    /** Whether the run ends with the best epoch's network instead of the last one's. */
    public boolean restoresBest() {
        return enabled && restoreBest;
    }

    /**
     * The metric the run watches on a task: the configured one where the task reports it. With
     * early stopping off the default ({@code accuracy}) is not checked against the task, so a
     * regression watches its loss instead.
     */
    public Metric watched(Task task) {
        return metric.reportedFor(task) ? metric : task.defaultMetric();
    }
}
