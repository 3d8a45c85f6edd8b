package io.sparktrain.config;

/**
 * Stop training when the validation metric has not improved by {@code minDelta} for
 * {@code patience} epochs.
 *
 * @param metric      validation metric watched: accuracy, f1, precision, recall (higher is better; classification),
 *                    or loss, rmse, mae (lower is better; rmse and mae for regression)
 * @param restoreBest end with the network of the best epoch rather than the last one
 */
public record EarlyStoppingSection(boolean enabled, String metric, int patience, double minDelta, boolean restoreBest) {
    public boolean lowerIsBetter() {
        return metric.equals("loss") || metric.equals("rmse") || metric.equals("mae");
    }
}
