package io.sparktrain.trainer.engine;

import java.util.Map;

/**
 * What one epoch did; a line of the console progress and an entry of the bundle's history.
 *
 * @param trainLoss         training loss the strategy reported at the end of the epoch; null when it reports none
 *                          (gradient sharing)
 * @param validation        metrics on the held-out validation data (empty when there is none)
 * @param test              metrics on the test data
 * @param examplesPerSecond training examples divided by the epoch's fit time
 * @param fitSeconds        wall time of the epoch's training
 * @param evalSeconds       wall time of the evaluations after it
 * @param elapsedSeconds    wall time since training started (this run only, when resumed)
 */
public record EpochResult(int epoch, Double trainLoss, Map<String, Double> validation, Map<String, Double> test,
        double examplesPerSecond, double fitSeconds, double evalSeconds, double elapsedSeconds) {
    public EpochResult {
        validation = Map.copyOf(validation);
        test = Map.copyOf(test);
    }
}
