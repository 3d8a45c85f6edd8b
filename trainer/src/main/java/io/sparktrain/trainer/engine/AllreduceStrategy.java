package io.sparktrain.trainer.engine;

import io.sparktrain.config.AllreduceSection;
import io.sparktrain.pipeline.fs.HadoopConf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;

/**
 * Synchronous data parallelism: N workers, one per Spark task slot, each fitting its own replica on
 * its share of the minibatches and averaging the gradient with the others in every step
 * ({@link GradientAveraging} over a {@link RingAllreduce}), so the replicas stay identical and N
 * workers with batch b train as one JVM with batch N x b. This is what Horovod on Spark,
 * TorchDistributor and BigDL do; dl4j-spark's averaging instead pays a Spark job, a broadcast and
 * an aggregation per averaging round, and its gradient sharing loses accuracy to quantised,
 * asynchronous updates.
 *
 * <p>Each epoch is one Spark barrier stage of N tasks; minibatch k of the training RDD goes to
 * worker k mod N, in order. Minibatches are exported once and kept in the executors' memory where
 * they fit ({@link MinibatchExport}, {@link HeldMinibatchLoader}); the export directory is deleted
 * by {@link #close()}. Every epoch starts from the driver's network, broadcast with its updater
 * state, and ends with rank 0's network becoming the driver's: if a task fails, Spark reruns the
 * whole stage, which restarts the epoch from the driver's network after the previous epoch.
 */
public final class AllreduceStrategy implements TrainingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(AllreduceStrategy.class);
    private static final int SHUTDOWN_PRIORITY = 30;

    private final JavaSparkContext sc;
    private final int workersWanted;
    private final int threads;
    private final Duration timeout;
    private final boolean collectStats;
    private final Path exportDir;
    private final MinibatchExport export;
    /** Per run: the ring's connections accept only tasks that prove it. It travels in the task closure. */
    private final byte[] secret = PeerHandshake.newSecret();
    private final RingRendezvous rendezvous;
    private final AllreduceTask.InjectedFault fault;
    private final Runnable cleanupOnShutdown;
    private final Map<String, StepTiming> timings = new LinkedHashMap<>();
    private Network network;
    private List<String> files;
    private int rerunEpochs;

    /**
     * @param exportDir directory minibatches are exported to, unique to this run (deleted by {@link #close()})
     * @param threads   native threads of each worker task
     */
    public AllreduceStrategy(JavaSparkContext sc, Network network, Path exportDir, AllreduceSection settings,
            int threads, boolean collectStats) {
        this(sc, network, exportDir, settings, threads, collectStats, null);
    }

    /** @param fault a failure to raise on an epoch's first attempt (tests of Spark's rerun); null for none */
    AllreduceStrategy(JavaSparkContext sc, Network network, Path exportDir, AllreduceSection settings, int threads,
            boolean collectStats, AllreduceTask.InjectedFault fault) {
        this.sc = sc;
        this.network = network;
        this.exportDir = exportDir;
        this.export = new MinibatchExport(sc, exportDir);
        this.workersWanted = settings.workers() > 0 ? settings.workers() : sc.defaultParallelism();
        this.threads = threads;
        this.timeout = Duration.ofSeconds(settings.timeoutSeconds());
        this.collectStats = collectStats;
        this.fault = fault;
        this.rendezvous = startRendezvous(sc, secret);
        // A job stopped by a signal skips close(): delete the export then too, before Hadoop closes its filesystems.
        this.cleanupOnShutdown = this::deleteExport;
        ShutdownHookManager.get().addShutdownHook(cleanupOnShutdown, SHUTDOWN_PRIORITY);
    }

    @Override
    public Double fitEpoch(JavaRDD<DataSet> train) {
        List<String> all = files(train);
        if (all.isEmpty()) {
            network.incrementEpochCount();
            return null;
        }
        List<List<String>> shares = shares(all, Math.min(workersWanted, all.size()));
        int steps = shares.get(0).size();
        int epochsBefore = network.epochCount();
        long start = System.nanoTime();
        Broadcast<byte[]> driverNetwork = sc.broadcast(network.toBytes(true));
        long broadcast = System.nanoTime();
        List<WorkerEpoch> results;
        try {
            results = runStage(shares, new AllreduceTask(driverNetwork, network.isGraph(), exportDir.toString(),
                    new HadoopConf(sc.hadoopConfiguration()), secret, rendezvous.address(), epochsBefore, steps, threads,
                timeout, fault));
        } finally {
            driverNetwork.destroy();
        }
        long stage = System.nanoTime();
        WorkerEpoch first = results.stream().filter(r -> r.rank == 0).findFirst().orElseThrow();
        if (first.stageAttempt > 0) {
            rerunEpochs++;
            LOG.warn("allreduce: a task of this epoch failed and Spark ran the epoch's barrier stage again (attempt {});"
                    + " every worker restarted it from the driver's network after epoch {}", first.stageAttempt,
                    epochsBefore);
        }
        try {
            network = Network.restore(new ByteArrayInputStream(first.network), network.isGraph());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the network rank 0 trained: " + e.getMessage(), e);
        }
        long restored = System.nanoTime();
        LOG.info(String.format("allreduce: epoch overhead: driver network to bytes and broadcast %.0f ms, driver"
                + " network from rank 0's bytes %.0f ms; in the %.0f ms barrier stage, up to %.0f ms restoring the"
                + " network and joining the ring, rank 0's network to bytes %.0f ms", (broadcast - start) / 1e6,
                (restored - stage) / 1e6, (stage - broadcast) / 1e6,
                results.stream().mapToLong(r -> r.setupNanos).max().orElse(0) / 1e6, first.finishNanos / 1e6));
        return record(results, shares.size(), steps);
    }

    /** On the driver's host, where the executors reach the driver; bound where Spark binds the driver. */
    private static RingRendezvous startRendezvous(JavaSparkContext sc, byte[] secret) {
        String host = sc.getConf().get("spark.driver.host");
        String bindAddress = sc.getConf().get("spark.driver.bindAddress", host);
        try {
            return RingRendezvous.start(bindAddress, host, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("allreduce cannot listen for its workers on the driver's address "
                    + bindAddress + " (spark.driver.bindAddress or spark.driver.host): " + e.getMessage(), e);
        }
    }

    /** Minibatch k to worker k mod N, in order; worker 0 gets the most. */
    static List<List<String>> shares(List<String> files, int workers) {
        List<List<String>> shares = new ArrayList<>();
        for (int rank = 0; rank < workers; rank++) {
            shares.add(new ArrayList<>());
        }
        for (int k = 0; k < files.size(); k++) {
            shares.get(k % workers).add(files.get(k));
        }
        return shares;
    }

    /** One barrier task per share; returns what each worker reports. */
    private List<WorkerEpoch> runStage(List<List<String>> shares, AllreduceTask task) {
        // The shuffle after the barrier stage makes it a shuffle-map stage, which Spark reruns when a task fails;
        // a failed barrier result stage ends the job ("Could not recover from a failed barrier ResultStage").
        return sc.parallelize(shares, shares.size()).rdd().barrier()
                .mapPartitions(task, false, ClassTag$.MODULE$.apply(WorkerEpoch.class)).toJavaRDD()
                .repartition(1).collect();
    }

    /** Adds the epoch's step timings to the run's, logs them, and returns the mean loss over every worker's minibatches. */
    private Double record(List<WorkerEpoch> results, int workers, int steps) {
        Map<String, StepTiming> epoch = new LinkedHashMap<>();
        double lossSum = 0;
        long lossCount = 0;
        for (WorkerEpoch result : results) {
            lossSum += result.lossSum;
            lossCount += result.ownSteps;
            epoch.computeIfAbsent("AllreduceLoad", k -> new StepTiming()).addAll(result.load);
            epoch.computeIfAbsent("AllreduceCompute", k -> new StepTiming()).addAll(result.compute);
            epoch.computeIfAbsent("AllreduceWait", k -> new StepTiming()).addAll(result.wait);
            epoch.computeIfAbsent("AllreduceExchange", k -> new StepTiming()).addAll(result.exchange);
        }
        epoch.forEach((key, timing) -> timings.computeIfAbsent(key, k -> new StepTiming()).addAll(timing));
        LOG.info(String.format("allreduce: %d workers x %d steps; per step and worker: load %.1f ms, compute %.1f ms,"
                + " wait for peers %.1f ms, exchange %.1f ms", workers, steps, epoch.get("AllreduceLoad").meanMillis(),
                epoch.get("AllreduceCompute").meanMillis(), epoch.get("AllreduceWait").meanMillis(),
                epoch.get("AllreduceExchange").meanMillis()));
        return lossCount == 0 ? null : lossSum / lossCount;
    }

    /** The exported minibatch files of {@code train}, in the RDD's order; exported by the first epoch. */
    private List<String> files(JavaRDD<DataSet> train) {
        JavaRDD<String> paths = export.paths(train);
        if (files == null) {
            files = paths.collect();
        }
        return files;
    }

    /** Epochs whose barrier stage Spark had to run more than once. */
    int rerunEpochs() {
        return rerunEpochs;
    }

    @Override
    public Network network() {
        return network;
    }

    /** Per kind of step time (load, compute, wait, exchange): count, totalMs, meanMs and maxMs over worker steps. */
    @Override
    public Map<String, Map<String, Double>> trainingStats() {
        if (!collectStats) {
            return Map.of();
        }
        Map<String, Map<String, Double>> stats = new LinkedHashMap<>();
        timings.forEach((key, timing) -> stats.put(key, timing.summary()));
        return stats;
    }

    @Override
    public void close() {
        ShutdownHookManager.get().removeShutdownHook(cleanupOnShutdown);
        rendezvous.close();
        deleteExport();
    }

    private void deleteExport() {
        HeldMinibatchLoader.release(exportDir.toString());
        try {
            FileSystem fs = exportDir.getFileSystem(sc.hadoopConfiguration());
            fs.delete(exportDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete exported minibatches in " + exportDir
                    + "; delete that directory by hand", e);
        }
    }
}
