package io.sparktrain.trainer.engine;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.CollectionAccumulator;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gives every executor's gradient-sharing replica the driver's parameters when an epoch starts.
 *
 * <p>Why: DL4J 1.0.0-M2 broadcasts the network once, and each executor then trains its own replica,
 * applying its updates and those it receives. Between its epochs a worker ignores what arrives (its
 * {@code UpdatesConsumer} is in bypass mode), so the worker that finishes an epoch first misses the
 * other's last updates, and nothing ever brings the replicas back together. On the 2-worker cluster
 * one replica drifted from the driver's network by 0.9-9.7% of the parameters' norm per epoch, and
 * without the sync test accuracy wandered after epoch 3-4: 0.9570-0.9723 after 8 epochs of MNIST,
 * against 0.9739-0.9777 with it. The driver receives every worker's updates, so its network is the
 * reference the replicas return to.
 *
 * <p>Created on the driver for one epoch; applied on each executor by the first minibatch load of
 * the epoch ({@link HeldMinibatchLoader}), before the replica fits anything.
 */
final class ReplicaSync implements Serializable {
    /** The last epoch applied in this JVM, which holds one replica (DL4J's wrapper is per JVM). */
    private static final AtomicReference<String> APPLIED_IN_JVM = new AtomicReference<>();

    private final Broadcast<INDArray> driverParams;
    private final String epochKey;
    private final CollectionAccumulator<Double> drifts;

    private ReplicaSync(Broadcast<INDArray> driverParams, String epochKey, CollectionAccumulator<Double> drifts) {
        this.driverParams = driverParams;
        this.epochKey = epochKey;
        this.drifts = drifts;
    }

    /** @param epochKey unique to the run and epoch */
    static ReplicaSync forEpoch(JavaSparkContext sc, INDArray driverParams, String epochKey) {
        return new ReplicaSync(sc.broadcast(driverParams.dup()), epochKey,
                sc.sc().collectionAccumulator("replica drift " + epochKey));
    }

    /** On an executor: the first call of the epoch in this JVM syncs its replica, later calls do nothing. */
    void applyOnce() {
        synchronized (APPLIED_IN_JVM) {
            String previous = APPLIED_IN_JVM.getAndSet(epochKey);
            if (!epochKey.equals(previous)) {
                SharingReplica.inThisJvm().ifPresent(this::syncToDriver);
            }
        }
    }

    /** Sets {@code replica}'s parameters to the driver's and records how far they had drifted. */
    void syncToDriver(Model replica) {
        INDArray params = replica.params();
        INDArray driver = driverParams.value();
        drifts.add(params.distance2(driver) / driver.norm2Number().doubleValue());
        params.assign(driver);
    }

    /** On the driver after the epoch: the largest drift, relative to the parameters' norm, of any replica synced. */
    double largestDrift() {
        List<Double> values = drifts.value();
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** On the driver after the epoch: frees the broadcast parameters. */
    void release() {
        driverParams.destroy();
    }
}
