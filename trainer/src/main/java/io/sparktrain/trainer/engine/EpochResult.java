package io.sparktrain.trainer.engine;

/**
 * What one epoch did; a line of the console progress and an entry of the bundle's history.
 *
 * @param trainLoss         training loss the strategy reported at the end of the epoch
 * @param testAccuracy      accuracy on the test data after the epoch
 * @param testF1            macro-averaged F1 on the test data after the epoch
 * @param examplesPerSecond training examples divided by the epoch's fit time
 * @param fitSeconds        wall time of the epoch's training
 * @param evalSeconds       wall time of the evaluation after it
 * @param elapsedSeconds    wall time since training started
 */
public record EpochResult(int epoch, double trainLoss, double testAccuracy, double testF1, double examplesPerSecond,
        double fitSeconds, double evalSeconds, double elapsedSeconds) {}
