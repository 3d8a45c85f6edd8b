package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.deeplearning4j.core.loader.impl.SerializedDataSetLoader;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads exported minibatch files for dl4j-spark's training workers and keeps what it loaded in the
 * executor's memory, so that later epochs skip the file: reading and decoding a 128 x 784 minibatch
 * took 11 ms on a training thread, longer than fitting it (9 ms), and its prefetch thread competed
 * with fitting for the same cores.
 *
 * <p>The minibatches live in one store per JVM ({@link Store#JVM}), because an executor's tasks come
 * and go while the executor stays. The store holds the files of one export directory (one training
 * run) at a time and at most a quarter of the JVM's off-heap limit; past that, files are read every
 * time, as without it. Kept minibatches are loaded outside any workspace (the workers' prefetch
 * thread loads inside one, whose memory is reused) and each load hands out a copy, so nothing the
 * workers do touches what is kept.
 */
final class HeldMinibatchLoader implements DataSetLoader {
    private final String exportDir;
    /** Null unless gradient sharing's replicas are brought to the driver's parameters as the epoch starts. */
    private final ReplicaSync sync;

    /** @param exportDir the run's export directory; files under it are the ones kept */
    HeldMinibatchLoader(String exportDir) {
        this(exportDir, null);
    }

    /** @param sync applied by the epoch's first load in each JVM, before its replica fits anything; may be null */
    HeldMinibatchLoader(String exportDir, ReplicaSync sync) {
        this.exportDir = exportDir;
        this.sync = sync;
    }

    @Override
    public DataSet load(Source source) throws IOException {
        if (sync != null) {
            sync.applyOnce();
        }
        return Store.JVM.load(exportDir, source, budgetBytes());
    }

    /** What one JVM keeps at most: a quarter of its off-heap limit, which training needs the rest of. */
    static long budgetBytes() {
        return Pointer.maxBytes() / 4;
    }

    /** Off-heap bytes of a minibatch's arrays. */
    static long bytes(DataSet batch) {
        return bytes(batch.getFeatures()) + bytes(batch.getLabels()) + bytes(batch.getFeaturesMaskArray())
                + bytes(batch.getLabelsMaskArray());
    }

    private static long bytes(INDArray array) {
        return array == null ? 0 : array.length() * array.dataType().width();
    }

    /** Drops what this JVM keeps of {@code exportDir}'s run (the driver's share in local mode). */
    static void release(String exportDir) {
        Store.JVM.release(exportDir);
    }

    /** The minibatches one JVM keeps: those of a single export directory, within a byte budget. */
    static final class Store {
        static final Store JVM = new Store();

        private final Map<String, DataSet> byPath = new HashMap<>();
        private String dir;
        private long bytes;
        private boolean full;

        /** Reads outside the lock, so that two tasks of one executor load their files at once. */
        DataSet load(String exportDir, Source source, long budgetBytes) throws IOException {
            DataSet held = held(exportDir, source.getPath());
            if (held != null) {
                return held;
            }
            DataSet loaded;
            // Kept arrays must outlive the caller's workspace (the prefetch thread loads inside one).
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                loaded = new SerializedDataSetLoader().load(source);
            }
            return keep(exportDir, source.getPath(), loaded, budgetBytes) ? loaded.copy() : loaded;
        }

        private synchronized DataSet held(String exportDir, String path) {
            switchTo(exportDir);
            DataSet held = byPath.get(path);
            return held == null ? null : held.copy();
        }

        /**
         * Keeps {@code batch} as {@code path}'s minibatch if the budget allows; {@code batch} must not
         * live in a workspace. A new export directory means a new run: the last run's minibatches go.
         */
        synchronized boolean keep(String exportDir, String path, DataSet batch, long budgetBytes) {
            switchTo(exportDir);
            long size = bytes(batch);
            if (full || bytes + size > budgetBytes) {
                full = true;
                return false;
            }
            if (byPath.putIfAbsent(path, batch) == null) {
                bytes += size;
            }
            return true;
        }

        synchronized void release(String exportDir) {
            if (exportDir.equals(dir)) {
                clear();
                dir = null;
            }
        }

        synchronized int size() {
            return byPath.size();
        }

        private void switchTo(String exportDir) {
            if (!exportDir.equals(dir)) {
                clear();
                dir = exportDir;
            }
        }

        private void clear() {
            byPath.clear();
            bytes = 0;
            full = false;
        }
    }
}
