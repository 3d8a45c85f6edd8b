package io.sparktrain.trainer.engine;

import io.sparktrain.pipeline.fs.HadoopConf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.spark.data.loader.RemoteFileSource;
import org.nd4j.linalg.dataset.DataSet;
import scala.collection.Iterator;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;

/**
 * One allreduce worker's epoch, run as one task of a Spark barrier stage (all workers start
 * together, and if one fails Spark stops and reruns them all).
 *
 * <p>The worker restores the driver's network with its updater state, so a rerun stage starts the
 * epoch again from the same place; opens a listening socket on its executor's host; learns its
 * peers' addresses at the driver's {@link RingRendezvous}; joins the {@link RingAllreduce};
 * and fits its minibatches, one DL4J step each, the gradient averaged across workers in every step
 * ({@link GradientAveraging}). Every worker takes the same number of steps: one with fewer
 * minibatches repeats its first ones at weight 0, contributing nothing but its part of the ring.
 * Rank 0 returns the trained network.
 */
final class AllreduceTask extends AbstractFunction1<Iterator<List<String>>, Iterator<WorkerEpoch>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A failure to raise on the stage's first attempt, for tests of Spark's rerun. */
    record InjectedFault(int rank, int step) implements Serializable {}

    private final Broadcast<byte[]> driverNetwork;
    private final boolean graph;
    private final String exportDir;
    private final HadoopConf hadoopConf;
    private final byte[] secret;
    private final InetSocketAddress rendezvous;
    private final int epoch;
    private final int steps;
    private final int threads;
    private final Duration timeout;
    private final InjectedFault fault;

    /**
     * @param driverNetwork the driver's network (ModelSerializer bytes with updater state)
     * @param exportDir     the run's export directory, whose minibatches {@link HeldMinibatchLoader} keeps in memory
     * @param secret        the run's secret, which every ring connection must prove
     * @param rendezvous    the driver's {@link RingRendezvous}, where the workers swap addresses
     * @param epoch         the epochs trained before this one, which tells this epoch's rendezvous from others
     * @param steps         steps every worker takes: the largest number of minibatches a worker has
     * @param threads       native threads of each worker
     * @param fault         null, except in tests
     */
    AllreduceTask(Broadcast<byte[]> driverNetwork, boolean graph, String exportDir, HadoopConf hadoopConf,
            byte[] secret, InetSocketAddress rendezvous, int epoch, int steps, int threads, Duration timeout,
            InjectedFault fault) {
        this.driverNetwork = driverNetwork;
        this.graph = graph;
        this.exportDir = exportDir;
        this.hadoopConf = hadoopConf;
        this.secret = secret;
        this.rendezvous = rendezvous;
        this.epoch = epoch;
        this.steps = steps;
        this.threads = threads;
        this.timeout = timeout;
        this.fault = fault;
    }

    /** @param partition one element: the paths of this worker's minibatch files, in training order */
    @Override
    public Iterator<WorkerEpoch> apply(Iterator<List<String>> partition) {
        List<String> files = partition.next();
        NativeThreads.limitTo(threads);
        try {
            WorkerEpoch result = train(BarrierTaskContext.get(), files);
            return JavaConverters.asScalaIterator(List.of(result).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WorkerEpoch train(BarrierTaskContext context, List<String> files) throws IOException {
        int rank = context.partitionId();
        long begin = System.nanoTime();
        // Restore the network while the workers meet at the driver's rendezvous.
        CompletableFuture<Network> restoring = CompletableFuture.supplyAsync(this::restore,
                runnable -> new Thread(runnable, "allreduce-restore-" + rank).start());
        StepTiming load = new StepTiming();
        StepTiming compute = new StepTiming();
        StepTiming wait = new StepTiming();
        StepTiming exchange = new StepTiming();
        double lossSum = 0;
        Network network;
        long setup;
        try (RingAllreduce ring = joinRing(context, rank)) {
            network = restoring.join();
            setup = System.nanoTime() - begin;
            GradientAveraging averaging = new GradientAveraging(ring);
            network.model().addListeners(averaging);
            HeldMinibatchLoader loader = new HeldMinibatchLoader(exportDir);
            FileSystem fs = new Path(exportDir).getFileSystem(hadoopConf.get());
            for (int step = 0; step < steps; step++) {
                if (fault != null && context.stageAttemptNumber() == 0 && fault.rank() == rank && fault.step() == step) {
                    throw new IllegalStateException("fault injected at rank " + rank + ", step " + step);
                }
                boolean own = step < files.size();
                long start = System.nanoTime();
                DataSet batch = loader.load(new RemoteFileSource(files.get(step % files.size()), fs));
                long loaded = System.nanoTime();
                RingAllreduce.Timings before = ring.timings();
                long averagingBefore = averaging.nanos();
                averaging.contributeNext(own);
                network.fit(batch);
                long fitted = System.nanoTime();
                if (own) {
                    lossSum += network.score();
                }
                long stepWait = ring.timings().waitNanos() - before.waitNanos();
                long stepAveraging = averaging.nanos() - averagingBefore;
                load.add(loaded - start);
                compute.add(fitted - loaded - stepAveraging);
                wait.add(stepWait);
                exchange.add(stepAveraging - stepWait);
            }
            network.incrementEpochCount();
        }
        long finish = System.nanoTime();
        byte[] trained = rank == 0 ? network.toBytes(true) : null;
        return new WorkerEpoch(rank, context.stageAttemptNumber(), Math.min(files.size(), steps), lossSum, load,
                compute, wait, exchange, setup, System.nanoTime() - finish, trained);
    }

    private Network restore() {
        try {
            return Network.restore(new ByteArrayInputStream(driverNetwork.value()), graph);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the driver's network: " + e.getMessage(), e);
        }
    }

    /** Listens on this executor's host (an ephemeral port), swaps addresses with the other tasks at the driver, joins the ring. */
    private RingAllreduce joinRing(BarrierTaskContext context, int rank) throws IOException {
        String host = host(context.getTaskInfos()[rank].address());
        ServerSocket server = new ServerSocket(0, 16, InetAddress.getByName(host));
        try {
            String[] addresses = RingRendezvous.gather(rendezvous, secret, rank, epoch, context.stageAttemptNumber(),
                    context.getTaskInfos().length, host + ":" + server.getLocalPort(), timeout);
            List<InetSocketAddress> peers = new ArrayList<>();
            for (String address : addresses) {
                int colon = address.lastIndexOf(':');
                peers.add(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
            }
            return RingAllreduce.join(rank, peers, server, secret, timeout);
        } finally {
            server.close();
        }
    }

    /** The host of an executor's {@code host:port} RPC address, as Spark reports it for barrier tasks. */
    static String host(String executorAddress) {
        int colon = executorAddress.lastIndexOf(':');
        return colon < 0 ? executorAddress : executorAddress.substring(0, colon);
    }
}
