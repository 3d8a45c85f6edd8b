package io.sparktrain.bench;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.trainer.engine.NativeBuild;
import io.sparktrain.trainer.engine.NativeThreads;
import io.sparktrain.trainer.model.NetworkFactory;
import io.sparktrain.trainer.model.Shape;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.nd4j.nativeblas.Nd4jCpu;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Where a training minibatch's time goes in one JVM: the network of a job config fitted on real
 * MNIST minibatches of the config's batch size (random token sequences for a sequence input),
 * timed three ways on the same minibatches: the forward pass in training mode (dropout included),
 * forward plus backward ({@code computeGradientAndScore}), and the whole {@code fit} step (plus
 * the updater). Backward and updater are the differences. Then, to split the MLP's step into its
 * matrix products and the rest: the dense layers' products timed alone at the same shapes, the
 * number of ND4J operations a step runs, and what one op costs on 1-element arrays. The JVM's native build and helpers are whatever its system
 * properties ask for, so the driver script runs it once per build to compare.
 */
public final class MinibatchProfile {
    private static final int MINIBATCHES = 60;
    private static final int WARM_UP_ROUNDS = 2;
    private static final int ROUNDS = 5;

    private MinibatchProfile() {
    }

    /** Args: CONF MNIST_DIR THREADS; prints one JSON object. */
    public static void main(String[] args) throws IOException {
        NativeBuild.Level build = NativeBuild.select();
        TrainJobConfig config = TrainJobConfigLoader.load(new File(args[0]), List.of());
        String mnist = args[1];
        int threads = Integer.parseInt(args[2]);
        NativeThreads.limitTo(threads);
        int batch = config.train().batchSize();
        MultiLayerNetwork network = NetworkFactory.build(config.model(), config.job().seed());
        List<DataSet> minibatches = config.model().input() instanceof Shape.Sequence sequence
                ? tokenMinibatches(network, sequence.length(), batch, config.job().seed())
                : minibatches(mnist, batch);

        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            minibatches.forEach(network::fit);
        }
        double forward = perMinibatchMs(minibatches, data -> network.feedForward(data.getFeatures(), true));
        double gradient = perMinibatchMs(minibatches, data -> {
            network.setInput(data.getFeatures());
            network.setLabels(data.getLabels());
            network.computeGradientAndScore();
        });
        double fit = perMinibatchMs(minibatches, network::fit);
        List<long[]> shapes = denseGemmShapes(network, batch);
        double gemm = gemmMs(shapes);
        OpCounts ops = opsPerFit(network, minibatches);
        double dispatch = dispatchMicros();
        boolean helpers = Arrays.stream(network.getLayers()).anyMatch(layer -> layer.getHelper() != null);
        System.out.println(String.format("{\"conf\": \"%s\", \"batch\": %d, \"threads\": %d, \"build\": \"%s\","
                        + " \"binary_level\": %d, \"onednn\": %b, \"helpers\": %b, \"forward_ms\": %.3f,"
                        + " \"backward_ms\": %.3f, \"update_ms\": %.3f, \"fit_ms\": %.3f, \"examples_per_s\": %.0f,"
                        + " \"dense_gemm_ms\": %.3f, \"dense_gemm_shapes\": %s, \"ops_per_fit\": %.1f,"
                        + " \"dispatch_us\": %.2f, \"op_profile\": \"%s\"}",
                args[0], batch, threads, build.name(), NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel(),
                Nd4jCpu.Environment.getInstance().isUseMKLDNN(), helpers, forward, gradient - forward, fit - gradient,
                fit, batch * 1000 / fit, gemm, shapes.stream().map(Arrays::toString).toList(), ops.perFit(), dispatch,
                jsonEscaped(ops.profile())));
    }

    /**
     * The matrix products [m x k] . [k x n] a fit step runs for the dense and output layers: per layer
     * the forward product, the weight gradient and the gradient to the layer below (DL4J computes that
     * one for the first layer too).
     */
    private static List<long[]> denseGemmShapes(MultiLayerNetwork network, int batch) {
        List<long[]> shapes = new ArrayList<>();
        for (var layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof DenseLayer || layer.conf().getLayer() instanceof OutputLayer) {
                FeedForwardLayer dense = (FeedForwardLayer) layer.conf().getLayer();
                long in = dense.getNIn();
                long out = dense.getNOut();
                shapes.add(new long[] {batch, in, out});
                shapes.add(new long[] {in, batch, out});
                shapes.add(new long[] {batch, out, in});
            }
        }
        return shapes;
    }

    /** Milliseconds for one round of the products alone (ND4J's gemm, preallocated arrays), median of rounds. */
    private static double gemmMs(List<long[]> shapes) {
        List<INDArray[]> operands = shapes.stream().map(s -> new INDArray[] {
            Nd4j.rand(DataType.FLOAT, s[0], s[1]), Nd4j.rand(DataType.FLOAT, s[1], s[2]), Nd4j.zeros(DataType.FLOAT, s[0], s[2])})
                .toList();
        return medianNanosPerCall(MINIBATCHES,
                () -> operands.forEach(o -> Nd4j.gemm(o[0], o[1], o[2], false, false, 1.0, 0.0))) / 1e6;
    }

    /**
     * Microseconds one ND4J op takes on 1-element arrays: what every op pays to be dispatched
     * (built in Java, checked, handed to libnd4j), whatever the size of its arrays. The median of rounds.
     */
    private static double dispatchMicros() {
        INDArray x = Nd4j.ones(DataType.FLOAT, 1);
        INDArray y = Nd4j.ones(DataType.FLOAT, 1);
        return medianNanosPerCall(20_000, () -> x.addi(y)) / 1e3;
    }

    /**
     * Nanoseconds per call of {@code call}, run {@code calls} times a round: the median of
     * {@value #ROUNDS} rounds after {@value #WARM_UP_ROUNDS}.
     */
    private static double medianNanosPerCall(int calls, Runnable call) {
        List<Double> rounds = new ArrayList<>();
        for (int round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                call.run();
            }
            if (round >= WARM_UP_ROUNDS) {
                rounds.add((double) (System.nanoTime() - start) / calls);
            }
        }
        return Medians.of(rounds);
    }

    /**
     * ND4J operations (each a native call) per fit step, and ND4J's OpProfiler tables for the pass:
     * time per op class, then the op names of the calls over 100 us with their counts.
     */
    record OpCounts(double perFit, String profile) {}

    /** One pass over the minibatches with ND4J's op profiler timing every op. */
    private static OpCounts opsPerFit(MultiLayerNetwork network, List<DataSet> minibatches) {
        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        minibatches.forEach(network::fit);
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        OpProfiler profiler = OpProfiler.getInstance();
        return new OpCounts((double) profiler.getInvocationsCount() / minibatches.size(),
                "over " + minibatches.size() + " fit steps:\n" + profiler.getClassAggergator().asPercentageString()
                        + "\n" + profiler.getClassAggergator().asString());
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", " ");
    }

    /** The median over rounds of the mean milliseconds per minibatch of one pass over all of them. */
    private static double perMinibatchMs(List<DataSet> minibatches, Consumer<DataSet> step) {
        List<Double> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            minibatches.forEach(step);
            rounds.add((System.nanoTime() - start) / 1e6 / minibatches.size());
        }
        return Medians.of(rounds);
    }

    /**
     * {@value #MINIBATCHES} minibatches of random token sequences for an embedding + LSTM network:
     * every step unmasked (e-mails are longer than the sequence length), tokens drawn from the
     * embedding's vocabulary, one-hot labels for its output layer. Time depends on shapes only.
     */
    private static List<DataSet> tokenMinibatches(MultiLayerNetwork network, int length, int batch, long seed) {
        long vocabulary = ((FeedForwardLayer) network.getLayer(0).conf().getLayer()).getNIn();
        int classes = (int) ((FeedForwardLayer) network.getOutputLayer().conf().getLayer()).getNOut();
        Random random = new Random(seed);
        List<DataSet> minibatches = new ArrayList<>();
        for (int b = 0; b < MINIBATCHES; b++) {
            float[][][] tokens = new float[batch][1][length];
            float[][] oneHot = new float[batch][classes];
            for (int i = 0; i < batch; i++) {
                for (int t = 0; t < length; t++) {
                    tokens[i][0][t] = 2 + random.nextInt((int) vocabulary - 2);
                }
                oneHot[i][random.nextInt(classes)] = 1f;
            }
            minibatches.add(new DataSet(Nd4j.create(tokens), Nd4j.create(oneHot), Nd4j.ones(batch, length), null));
        }
        return minibatches;
    }

    /** The first {@value #MINIBATCHES} minibatches of MNIST's training images, pixels in [0, 1], labels one-hot. */
    private static List<DataSet> minibatches(String mnist, int batch) throws IOException {
        float[][] images = ScoringBenchmark.readImages(mnist + "/train-images-idx3-ubyte");
        byte[] labels = new byte[MINIBATCHES * batch];
        try (DataInputStream in = new DataInputStream(new FileInputStream(mnist + "/train-labels-idx1-ubyte"))) {
            in.skipNBytes(8);
            in.readFully(labels);
        }
        List<DataSet> minibatches = new ArrayList<>();
        for (int b = 0; b < MINIBATCHES; b++) {
            float[][] features = new float[batch][];
            float[][] oneHot = new float[batch][10];
            for (int i = 0; i < batch; i++) {
                features[i] = images[b * batch + i];
                oneHot[i][labels[b * batch + i]] = 1f;
            }
            minibatches.add(new DataSet(Nd4j.create(features), Nd4j.create(oneHot)));
        }
        return minibatches;
    }
}
