package io.sparktrain.trainer.engine;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.Metric;

/**
 * Where early stopping stands after an epoch: the best value of the watched validation metric,
 * the epoch it was reached in, and how many epochs since then brought no improvement. Immutable,
 * so it is saved in checkpoints and a resumed run stops exactly where an uninterrupted one would.
 *
 * @param bestEpoch   0 before the first epoch
 * @param staleEpochs epochs since the best one without an improvement of at least min-delta
 */
public record EarlyStopping(int bestEpoch, double bestValue, int staleEpochs) {
    public static EarlyStopping start() {
        return new EarlyStopping(0, Double.NaN, 0);
    }

    /** The state after an epoch whose watched metric is {@code value}. */
    public EarlyStopping after(int epoch, double value, Metric watched, double minDelta) {
        double sign = watched.lowerIsBetter() ? -1 : 1;
        boolean improved = bestEpoch == 0 || sign * (value - bestValue) > minDelta;
        return improved ? new EarlyStopping(epoch, value, 0) : new EarlyStopping(bestEpoch, bestValue, staleEpochs + 1);
    }

    public boolean shouldStop(EarlyStoppingSection settings) {
        return settings.enabled() && staleEpochs >= settings.patience();
    }

    public boolean improvedAt(int epoch) {
        return bestEpoch == epoch;
    }
}
