package io.sparktrain.trainer.job;

import io.sparktrain.trainer.bundle.CheckpointStore;
import io.sparktrain.trainer.engine.CheckpointState;
import io.sparktrain.trainer.engine.Checkpoints;
import io.sparktrain.trainer.engine.Network;
import java.util.Optional;

/** The train job's checkpoints: every epoch and the best network in the bundle directory, for {@code --resume}. */
final class BundleCheckpoints implements Checkpoints {
    private final CheckpointStore store;

    BundleCheckpoints(CheckpointStore store) {
        this.store = store;
    }

    @Override
    public void save(Network network, CheckpointState state, boolean best) {
        store.save(network, state);
        if (best) {
            store.saveBest(network, state);
        }
    }

    @Override
    public Optional<Network> best() {
        return store.best().map(CheckpointStore.Checkpoint::network);
    }
}
