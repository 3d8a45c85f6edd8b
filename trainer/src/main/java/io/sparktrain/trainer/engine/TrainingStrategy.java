package io.sparktrain.trainer.engine;

import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * How replicas of one network train together on a dataset: the single seam between the
 * training loop and dl4j-spark's training masters, chosen by {@code train.strategy}.
 */
public interface TrainingStrategy extends AutoCloseable {
    /**
     * Fits one pass over {@code train}. Call with the same RDD every epoch so work that can be
     * reused (exported minibatches) is.
     *
     * @return the training loss the strategy observed at the end of the epoch, or null if it observes none
     */
    Double fitEpoch(JavaRDD<DataSet> train);

    /** The current network (after the last epoch), with its updater state. */
    Network network();

    /** dl4j-spark's timing statistics when collecting them was asked for, summarised; empty otherwise. */
    default Map<String, Map<String, Double>> trainingStats() {
        return Map.of();
    }

    /** Releases what the strategy made (exported minibatch files, broadcasts); also on failure. */
    @Override
    void close();
}
