package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.api.stats.SparkTrainingStats;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training on the Spark executors with one of dl4j-spark's training masters (parameter averaging
 * or gradient sharing, see {@link TrainingMasters}). Unless told to recompute them every round,
 * minibatches are exported once ({@link MinibatchExport}) under a work directory unique to the run
 * and reused by every epoch; {@link #close()} deletes that directory.
 */
public final class SparkStrategy implements TrainingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(SparkStrategy.class);
    private final JavaSparkContext sc;
    private final SparkNetwork sparkNetwork;
    private final TrainingMaster<?, ?> master;
    private final Path exportDir;
    /** Null when minibatches are recomputed from the source every round (averaging's direct approach). */
    private final MinibatchExport export;
    private final Runnable cleanupOnShutdown;
    private final boolean syncReplicas;
    private int epochsFitted;

    private static final int SHUTDOWN_PRIORITY = 30;

    /**
     * @param exportDir    directory minibatches are exported to, unique to this run (deleted by {@link #close()})
     * @param export       export the minibatches once and train every epoch from the files
     * @param syncReplicas give gradient sharing's one-thread executor replicas the driver's parameters at
     *                     each epoch's start ({@link ReplicaSync}); needs {@code export}
     */
    public SparkStrategy(JavaSparkContext sc, Network network, TrainingMaster<?, ?> master, Path exportDir,
            boolean export, boolean syncReplicas, boolean collectStats) {
        if (syncReplicas && !export) {
            throw new IllegalArgumentException("replicas are synced by the loader of exported minibatches: export them");
        }
        this.sc = sc;
        this.syncReplicas = syncReplicas;
        this.master = master;
        this.exportDir = exportDir;
        this.export = export ? new MinibatchExport(sc, exportDir) : null;
        this.sparkNetwork = network.onSpark(sc, master);
        sparkNetwork.collectTrainingStats(collectStats);
        // A job stopped by a signal (Ctrl-C, YARN/Kubernetes preemption) skips close(): clean up then too,
        // before Hadoop closes its filesystems (priority 10).
        this.cleanupOnShutdown = this::deleteExport;
        ShutdownHookManager.get().addShutdownHook(cleanupOnShutdown, SHUTDOWN_PRIORITY);
    }

    @Override
    public Double fitEpoch(JavaRDD<DataSet> train) {
        if (export == null) {
            sparkNetwork.fit(train);
        } else {
            fitExported(train);
        }
        // Parameter averaging reports the workers' mean score; gradient sharing reports none (0).
        return master instanceof SharedTrainingMaster ? null : sparkNetwork.score();
    }

    private void fitExported(JavaRDD<DataSet> train) {
        JavaRDD<String> paths = export.paths(train);
        epochsFitted++;
        // A run's first epoch trains replicas built from the training master's own broadcast of the
        // driver's network: nothing to reset yet.
        if (!syncReplicas || epochsFitted == 1) {
            sparkNetwork.fitPaths(paths, new HeldMinibatchLoader(exportDir.toString()));
            return;
        }
        ReplicaSync sync = ReplicaSync.forEpoch(sc, sparkNetwork.network().params(), exportDir + "#" + epochsFitted);
        try {
            sparkNetwork.fitPaths(paths, new HeldMinibatchLoader(exportDir.toString(), sync));
            LOG.info(String.format("gradient sharing: executor replicas had drifted from the driver's network by up"
                    + " to %.1f%% of its parameters' norm; reset to it at the epoch's start", 100 * sync.largestDrift()));
        } finally {
            sync.release();
        }
    }

    @Override
    public Network network() {
        return sparkNetwork.network();
    }

    @Override
    public Map<String, Map<String, Double>> trainingStats() {
        SparkTrainingStats stats = sparkNetwork.trainingStats();
        return stats == null ? Map.of() : TrainingStatsSummary.summarise(stats);
    }

    @Override
    public void close() {
        ShutdownHookManager.get().removeShutdownHook(cleanupOnShutdown);
        deleteExport();
    }

    /**
     * Cleanup warns instead of failing: it runs after training (and, for the train job, after the
     * bundle is complete), and a folder left behind must not turn a finished run into a failed one.
     */
    private void deleteExport() {
        HeldMinibatchLoader.release(exportDir.toString());
        try {
            master.deleteTempFiles(sc);
            FileSystem fs = exportDir.getFileSystem(sc.hadoopConfiguration());
            if (fs.delete(exportDir, true) || !fs.exists(exportDir)) {
                return;
            }
            LOG.warn("could not delete the exported minibatches in {}; delete that directory by hand", exportDir);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete the exported minibatches in {} ({}); delete that directory by hand", exportDir,
                    e.toString());
        }
    }
}
