package io.sparktrain.trainer.bundle;

import io.sparktrain.trainer.engine.CheckpointState;
import io.sparktrain.trainer.engine.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Epoch checkpoints in {@code <bundle>/checkpoints/}: {@code epoch-00003/} holds the network with
 * its updater state ({@code network.zip}) and {@link CheckpointState} ({@code state.json}). Each is
 * written to a hidden directory and renamed into place, so a crash mid-write never leaves a
 * checkpoint that looks whole. The newest {@code keep} are kept, plus {@code best/} when asked.
 */
public final class CheckpointStore {
    static final String DIR = "checkpoints";
    static final String BEST = "best";
    private static final String STATE_FILE = "state.json";
    private static final String PREFIX = "epoch-";

    private final FileSystem fs;
    private final Path root;
    private final int keep;
    private final boolean graph;

    /** @param graph whether the checkpointed network is a graph (ComputationGraph) rather than a layer stack */
    public CheckpointStore(FileSystem fs, Path bundle, int keep, boolean graph) {
        this.fs = fs;
        this.root = new Path(bundle, DIR);
        this.keep = keep;
        this.graph = graph;
    }

    /** A network restored from a checkpoint, with the state saved beside it. */
    public record Checkpoint(Network network, CheckpointState state) {}

    public void save(Network network, CheckpointState state) {
        write(String.format("%s%05d", PREFIX, state.epoch()), network, state);
        prune();
    }

    /** Saves the best network so far (for early stopping's restore-best), replacing the previous best. */
    public void saveBest(Network network, CheckpointState state) {
        write(BEST, network, state);
    }

    public Optional<Checkpoint> latest() {
        List<Path> epochs = epochDirectories();
        return epochs.isEmpty() ? Optional.empty() : Optional.of(read(epochs.get(epochs.size() - 1)));
    }

    public Optional<Checkpoint> best() {
        Path best = new Path(root, BEST);
        return exists(best) ? Optional.of(read(best)) : Optional.empty();
    }

    public boolean isEmpty() {
        return epochDirectories().isEmpty();
    }

    private void write(String name, Network network, CheckpointState state) {
        Path target = new Path(root, name);
        Path staging = new Path(root, "." + name + ".partial-" + UUID.randomUUID());
        try {
            fs.mkdirs(staging);
            try (OutputStream out = fs.create(new Path(staging, BundleManifest.NETWORK_FILE), false)) {
                ModelSerializer.writeModel(network.model(), out, true);
            }
            try (OutputStream out = fs.create(new Path(staging, STATE_FILE), false)) {
                Json.MAPPER.writeValue(out, state);
            }
            if (fs.exists(target)) {
                fs.delete(target, true);
            }
            if (!fs.rename(staging, target)) {
                throw new IOException("rename of " + staging + " to " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    private Checkpoint read(Path dir) {
        try {
            Network network;
            try (InputStream in = fs.open(new Path(dir, BundleManifest.NETWORK_FILE))) {
                network = Network.restore(in, graph);
            }
            CheckpointState state;
            try (InputStream in = fs.open(new Path(dir, STATE_FILE))) {
                state = Json.MAPPER.readValue(in, CheckpointState.class);
            }
            return new Checkpoint(network, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + dir + " (" + e.getMessage()
                    + "); delete that directory to resume from the one before it", e);
        }
    }

    private void prune() {
        List<Path> epochs = epochDirectories();
        try {
            for (int i = 0; i < epochs.size() - keep; i++) {
                fs.delete(epochs.get(i), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old checkpoint: " + e.getMessage(), e);
        }
    }

    /** Finished epoch checkpoints, oldest first (names sort by epoch thanks to zero padding). */
    private List<Path> epochDirectories() {
        if (!exists(root)) {
            return List.of();
        }
        try {
            FileStatus[] entries = fs.listStatus(root, p -> p.getName().startsWith(PREFIX));
            List<Path> dirs = new ArrayList<>(Arrays.stream(entries).filter(FileStatus::isDirectory)
                    .map(FileStatus::getPath).toList());
            dirs.sort(Comparator.comparing(Path::getName));
            return dirs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + root + ": " + e.getMessage(), e);
        }
    }

    private boolean exists(Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
