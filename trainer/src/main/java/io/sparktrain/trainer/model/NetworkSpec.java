package io.sparktrain.trainer.model;

import java.util.List;

/**
 * A network described in the job config the way a Keras model is: the input, the layers (a
 * {@code Sequential} stack or a functional graph) and how to train them.
 *
 * @param input     what one example of the data looks like
 * @param topology  the layers and how they connect
 * @param optimizer updater, learning rate and its schedule
 * @param l2        L2 regularisation coefficient on weights (0 = none)
 * @param clipping  gradient clipping
 */
public record NetworkSpec(Shape input, Topology topology, OptimizerSpec optimizer, double l2,
        GradientClipping clipping) {
    /** Values per example in the data (features per example for a flat input). */
    public int inputSize() {
        return input.values();
    }

    public boolean isGraph() {
        return topology instanceof Topology.Graph;
    }

    /** The output layers, in the order their labels come in the data. */
    public List<OutputLayerSpec> outputs() {
        return topology.outputs();
    }

    /** The output layer of a single-output network. */
    public OutputLayerSpec outputLayer() {
        List<OutputLayerSpec> outputs = outputs();
        if (outputs.size() != 1) {
            throw new IllegalStateException("the network has " + outputs.size() + " outputs, not one");
        }
        return outputs.get(0);
    }

    /**
     * This network with the single output layer's class weights replaced: how class weights fitted
     * on the training rows (pipeline.imbalance.method = class-weights) reach the loss.
     */
    public NetworkSpec withClassWeights(List<Double> weights) {
        OutputLayerSpec old = outputLayer();
        OutputLayerSpec weighted = new OutputLayerSpec(old.units(), old.activation(), old.loss(), weights, old.dropout(),
                old.weightInit());
        Topology replaced = topology instanceof Topology.Graph g
                ? new Topology.Graph(g.vertices().stream().map(v -> v.layer() == old
                        ? new VertexSpec(v.name(), v.inputs(), weighted) : v).toList(), g.outputNames())
                : new Topology.Sequential(topology.layers().stream().map(layer -> layer == old ? weighted : layer)
                        .toList());
        return new NetworkSpec(input, replaced, optimizer, l2, clipping);
    }
}
