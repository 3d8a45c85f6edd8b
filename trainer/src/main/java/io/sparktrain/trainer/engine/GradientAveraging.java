package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Makes every allreduce worker's DL4J step use the gradient of all workers' minibatches together,
 * so that N workers with batch b train exactly as one JVM with batch N x b.
 *
 * <p>How DL4J 1.0.0-M2 gets there (deeplearning4j-nn sources): {@code BaseOptimizer.gradientAndScore}
 * computes the gradient, calls every listener's {@code onGradientCalculation}, then hands
 * {@code model.gradient()} to the updater. For both network kinds {@code model.gradient().gradient()}
 * is the network's flattened gradient view ({@code new DefaultGradient(flattenedGradients)}), the
 * very array the updater reads ({@code BaseMultiLayerUpdater.update}: "isExternal = gradient.gradient()
 * != getFlattenedGradientsView()"); the per-layer gradients are views into it. That view holds sums
 * over the minibatch's examples: the updater divides it by the local minibatch size
 * ({@code divideByMinibatch}) before Adam sees it. So this listener replaces it, in place, with
 * (sum over every worker's examples) x (local examples / all examples): after the updater's division
 * it is the mean over all examples, the same on every worker, and the updater (Adam) then makes the
 * same step everywhere, keeping parameters and optimizer state identical without ever sending them.
 *
 * <p>A worker that has run out of minibatches still takes part in the step (its peers need it in
 * the ring) but contributes nothing: {@link #contributeNext(boolean)}.
 *
 * <p>BatchNorm's running mean and variance are "gradients" DL4J does not divide by the minibatch
 * size; they come out averaged over the workers when their minibatches are equally large, and may
 * differ slightly between workers on a step where they are not (the last, partial minibatches).
 */
final class GradientAveraging extends BaseTrainingListener {
    private final RingAllreduce ring;
    /** The gradient, then the example count, summed across workers in one exchange. */
    private float[] buffer = new float[0];
    private boolean contributes = true;
    private long nanos;

    GradientAveraging(RingAllreduce ring) {
        this.ring = ring;
    }

    /** Whether the next step's minibatch counts; false for a step taken only because other workers still train. */
    void contributeNext(boolean contributes) {
        this.contributes = contributes;
    }

    /** Time spent in this listener (copies and the ring exchange), summed over steps. */
    long nanos() {
        return nanos;
    }

    @Override
    public void onGradientCalculation(Model model) {
        long start = System.nanoTime();
        INDArray gradient = model.gradient().gradient();
        FloatBuffer view = floats(gradient);
        int length = (int) gradient.length();
        if (buffer.length != length + 1) {
            buffer = new float[length + 1];
        }
        int examples = model.batchSize();
        if (contributes) {
            view.get(0, buffer, 0, length);
            buffer[length] = examples;
        } else {
            Arrays.fill(buffer, 0f);
        }
        try {
            ring.sum(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("allreduce of the gradient failed: " + e.getMessage(), e);
        }
        float scale = examples / buffer[length];
        for (int i = 0; i < length; i++) {
            buffer[i] *= scale;
        }
        view.put(0, buffer, 0, length);
        nanos += System.nanoTime() - start;
    }

    /** The gradient's memory as floats, no copy. */
    private static FloatBuffer floats(INDArray gradient) {
        if (gradient.dataType() != DataType.FLOAT) {
            throw new IllegalStateException("allreduce exchanges float32 gradients; this network's are "
                    + gradient.dataType());
        }
        if (gradient.data().offset() != 0 || gradient.length() != gradient.data().length()) {
            throw new IllegalStateException("the network's gradient is not one whole flat array: offset "
                    + gradient.data().offset() + ", " + gradient.length() + " of " + gradient.data().length() + " values");
        }
        return gradient.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
