package io.sparktrain.trainer.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Fits the network in the driver JVM with plain DL4J {@code fit}: the baseline every distributed
 * strategy is compared with.
 *
 * <p>The first epoch streams the minibatches from Spark, one partition at a time. When they fit in
 * a quarter of this JVM's off-heap limit they are kept here and later epochs train on them
 * directly, as a plain DL4J program that loaded its data would: streaming them again costs more
 * than the fit itself (building the arrays from rows and shipping them to the driver took 5.8 s of
 * a 9.8 s MNIST epoch). Larger data keeps streaming every epoch.
 */
public final class LocalStrategy implements TrainingStrategy {
    private final Network network;
    private final long holdBudgetBytes;
    private JavaRDD<DataSet> heldFrom;
    private List<DataSet> held;

    public LocalStrategy(Network network) {
        this(network, HeldMinibatchLoader.budgetBytes());
    }

    /** @param holdBudgetBytes largest total size of minibatches kept in this JVM between epochs */
    LocalStrategy(Network network, long holdBudgetBytes) {
        this.network = network;
        this.holdBudgetBytes = holdBudgetBytes;
    }

    @Override
    public Double fitEpoch(JavaRDD<DataSet> train) {
        Iterator<DataSet> batches = held != null && heldFrom.id() == train.id() ? held.iterator() : stream(train);
        double lossSum = 0;
        long count = 0;
        while (batches.hasNext()) {
            network.fit(batches.next());
            lossSum += network.score();
            count++;
        }
        network.incrementEpochCount();
        return count == 0 ? null : lossSum / count;
    }

    /** Whether the last epoch's minibatches are kept for the next one; for tests. */
    boolean holdsMinibatches() {
        return held != null;
    }

    /** Minibatches from Spark, kept on the way while they stay within the budget. */
    private Iterator<DataSet> stream(JavaRDD<DataSet> train) {
        held = null;
        Iterator<DataSet> source = train.toLocalIterator();
        List<DataSet> keeping = new ArrayList<>();
        return new Iterator<>() {
            private long keptBytes;
            private boolean keep = true;

            @Override
            public boolean hasNext() {
                boolean more = source.hasNext();
                if (!more && keep) {
                    held = keeping;
                    heldFrom = train;
                }
                return more;
            }

            @Override
            public DataSet next() {
                DataSet batch = source.next();
                if (keep) {
                    keptBytes += HeldMinibatchLoader.bytes(batch);
                    keep = keptBytes <= holdBudgetBytes;
                    if (keep) {
                        keeping.add(batch);
                    } else {
                        keeping.clear();
                    }
                }
                return batch;
            }
        };
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public void close() {
        held = null;
    }
}
