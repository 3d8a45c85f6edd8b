package io.sparktrain.trainer.engine;

import java.util.List;

/**
 * Everything besides the network that a resumed run needs to carry on exactly where the
 * interrupted one stopped.
 *
 * @param epoch         the last finished epoch
 * @param history       one entry per finished epoch
 * @param earlyStopping the early-stopping state after {@code epoch}
 */
public record CheckpointState(int epoch, List<EpochResult> history, EarlyStopping earlyStopping) {
    public CheckpointState {
        history = List.copyOf(history);
    }

    /** Before the first epoch of a fresh run. */
    public static CheckpointState fresh() {
        return new CheckpointState(0, List.of(), EarlyStopping.start());
    }
}
