package io.sparktrain.trainer.engine;

import java.io.Serializable;

/**
 * What one allreduce worker reports after its epoch; rank 0 also sends the trained network, which
 * is the same on every worker. A plain class, not a record: task results travel through Kryo, which
 * cannot build records.
 */
final class WorkerEpoch implements Serializable {
    private static final long serialVersionUID = 1L;

    final int rank;
    /** Spark's attempt number of the barrier stage: above 0 when a failure made Spark run the epoch again. */
    final int stageAttempt;
    /** Minibatches of this worker's own that it trained on; the other steps only helped its peers. */
    final int ownSteps;
    final double lossSum;
    final StepTiming load;
    final StepTiming compute;
    final StepTiming wait;
    final StepTiming exchange;
    /** Restoring the driver's network and joining the ring (at once), before the first step. */
    final long setupNanos;
    /** Serializing the trained network (rank 0), after the last step. */
    final long finishNanos;
    /** ModelSerializer bytes with the updater state, from rank 0; null from the others. */
    final byte[] network;

    WorkerEpoch(int rank, int stageAttempt, int ownSteps, double lossSum, StepTiming load, StepTiming compute,
            StepTiming wait, StepTiming exchange, long setupNanos, long finishNanos, byte[] network) {
        this.rank = rank;
        this.stageAttempt = stageAttempt;
        this.ownSteps = ownSteps;
        this.lossSum = lossSum;
        this.load = load;
        this.compute = compute;
        this.wait = wait;
        this.exchange = exchange;
        this.setupNanos = setupNanos;
        this.finishNanos = finishNanos;
        this.network = network;
    }
}
