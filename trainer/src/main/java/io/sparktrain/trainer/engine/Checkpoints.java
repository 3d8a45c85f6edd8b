package io.sparktrain.trainer.engine;

import java.util.Optional;

/**
 * Where a training run keeps what it must not lose: each epoch's checkpoint, and the best network
 * so far when early stopping is to restore it. The train job writes them into the bundle
 * directory (so {@code --resume} finds them); a Spark ML estimator keeps the best one in memory.
 */
public interface Checkpoints {
    /**
     * Told after every epoch, in order.
     *
     * @param best whether this epoch's network is the best so far and the run restores the best at its end
     */
    void save(Network network, CheckpointState state, boolean best);

    /** The best network saved, if any. */
    Optional<Network> best();

    /** Keeps only the best network, copied because the strategy goes on training its own. */
    static Checkpoints bestInMemory() {
        return new Checkpoints() {
            private Network best;

            @Override
            public void save(Network network, CheckpointState state, boolean isBest) {
                if (isBest) {
                    best = network.copy();
                }
            }

            @Override
            public Optional<Network> best() {
                return Optional.ofNullable(best);
            }
        };
    }
}
