package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.model.LayerSpec;
import io.sparktrain.trainer.model.NetworkFactory;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.OutputLayerSpec;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.ShapeCalculator;
import java.util.List;

/**
 * ND4J's off-heap memory on one executor while it trains a network, estimated from the network's
 * size. DL4J keeps parameters, gradients, updater state, activations and minibatches outside the
 * Java heap, so they count against {@code spark.executor.memoryOverhead} and JavaCPP's limit,
 * not against {@code spark.executor.memory}.
 *
 * <p>Each task trains its own replica: parameters, gradients, updater state, activations forward
 * and backward ({@code 2 x batch x} the values of every layer's output) and the minibatches it
 * holds ({@code batch x (inputs + outputs) x (1 + prefetch)}). Each executor also holds the
 * broadcast parameters and updater state once. Every value is a 4-byte float, DL4J's default. It
 * is an estimate: workspaces and BLAS buffers add some on top.
 *
 * @param optimizer    for messages, e.g. {@code adam}
 * @param parameters   the network's parameter count
 * @param updaterState values of optimizer state (Adam keeps 2 per parameter)
 * @param activations  values of one minibatch's activations and their gradients
 * @param data         values of the minibatches one task holds at once
 * @param tasks        tasks training at once on one executor
 */
record OffHeapEstimate(String optimizer, long parameters, long updaterState, long activations, long data,
        int tasks) {
    static final int BYTES_PER_VALUE = Float.BYTES;

    /** The estimate for a validated stack spec (the train job trains stacks only). */
    static OffHeapEstimate of(NetworkSpec spec, int batchSize, int prefetch, int tasks) {
        long parameters = NetworkFactory.parameterCount(spec);
        long layerOutputs = 0;
        Shape shape = spec.input();
        for (LayerSpec layer : spec.topology().layers()) {
            shape = ShapeCalculator.output(layer, List.of(shape));
            layerOutputs += shape.values();
        }
        long outputs = spec.outputs().stream().mapToLong(OutputLayerSpec::units).sum();
        return new OffHeapEstimate(spec.optimizer().type().configName(), parameters,
                spec.optimizer().toUpdater().stateSize(parameters), 2L * batchSize * layerOutputs,
                (long) batchSize * (spec.inputSize() + outputs) * (1 + prefetch), tasks);
    }

    /** What one task's replica needs. */
    long replicaBytes() {
        return BYTES_PER_VALUE * (2 * parameters + updaterState + activations + data);
    }

    /** Parameters and updater state: broadcast to every executor, and sent back as one task result. */
    long stateBytes() {
        return BYTES_PER_VALUE * (parameters + updaterState);
    }

    long executorBytes() {
        return tasks * replicaBytes() + stateBytes();
    }

    /** E.g. {@code 2 task(s) x (parameters 1.0 MiB + gradients 1.0 MiB + adam state 2.1 MiB + ...) + broadcast 3.1 MiB}. */
    String describe() {
        return String.format("%d task(s) x (parameters %s + gradients %s + %s state %s + activations %s + minibatches %s)"
                        + " + broadcast %s", tasks, Bytes.format(BYTES_PER_VALUE * parameters),
                Bytes.format(BYTES_PER_VALUE * parameters), optimizer, Bytes.format(BYTES_PER_VALUE * updaterState),
                Bytes.format(BYTES_PER_VALUE * activations), Bytes.format(BYTES_PER_VALUE * data),
                Bytes.format(stateBytes()));
    }
}
