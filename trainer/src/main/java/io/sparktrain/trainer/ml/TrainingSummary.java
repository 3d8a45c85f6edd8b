package io.sparktrain.trainer.ml;

/**
 * What an estimator's {@code fit} trained on, as Spark's own models keep a training summary: held
 * in memory by the fitted {@link NetworkModel}, not saved with it.
 *
 * @param trainedRows rows the network trained on in each epoch: the input after validation rows
 *                    were held out and an imbalance stage before the estimator rebalanced it
 * @param resampledBy uid of the imbalance stage that rebalanced the rows; empty when none did
 */
public record TrainingSummary(long trainedRows, String resampledBy) {}
