package io.sparktrain.trainer.engine;

import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Fits the network in the driver JVM on minibatches streamed from Spark, one partition at a time:
 * plain DL4J {@code fit}, the baseline every distributed strategy is compared with.
 */
public final class LocalStrategy implements TrainingStrategy {
    private final Network network;

    public LocalStrategy(Network network) {
        this.network = network;
    }

    @Override
    public Double fitEpoch(JavaRDD<DataSet> train) {
        double lossSum = 0;
        long batches = 0;
        Iterator<DataSet> it = train.toLocalIterator();
        while (it.hasNext()) {
            network.fit(it.next());
            lossSum += network.score();
            batches++;
        }
        network.incrementEpochCount();
        return batches == 0 ? null : lossSum / batches;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public void close() {
        // Nothing outside the JVM to release.
    }
}
