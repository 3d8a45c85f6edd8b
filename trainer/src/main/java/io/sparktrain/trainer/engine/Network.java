package io.sparktrain.trainer.engine;

import io.sparktrain.trainer.model.NetworkFactory;
import io.sparktrain.trainer.model.NetworkSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A DL4J network of either kind a spec can describe: a layer stack ({@link MultiLayerNetwork}) or
 * a graph ({@link ComputationGraph}). The engine trains, evaluates, checkpoints and ships both the
 * same way through this one type instead of branching on the kind everywhere.
 */
public sealed interface Network permits Network.Stack, Network.Graph {

    /** The DL4J object, for ModelSerializer and for users of the bundle. */
    Model model();

    /** One optimisation step on a minibatch. */
    void fit(DataSet batch);

    /**
     * The output layer's activations for a batch, in inference mode (no dropout): class
     * probabilities of a softmax head, the values of a regression head.
     *
     * @param mask features mask {@code [batch, T]} for sequences; null for vectors
     */
    INDArray output(INDArray features, INDArray mask);

    /** Loss on the last minibatch fitted. */
    double score();

    /** Epochs trained so far; learning-rate schedules count in these. */
    int epochCount();

    void incrementEpochCount();

    long numParams();

    int layerCount();

    INDArray params();

    /** The optimizer (updater) state, e.g. Adam's moment estimates; null for plain SGD. */
    INDArray updaterState();

    /** An independent deep copy. */
    Network copy();

    /** This network on Spark with a training master (null when only evaluating). */
    SparkNetwork onSpark(JavaSparkContext sc, TrainingMaster<?, ?> master);

    default boolean isGraph() {
        return this instanceof Graph;
    }

    /** Output layers: one for a layer stack, one or more for a graph. */
    default int outputCount() {
        return this instanceof Graph graph ? graph.graph().getNumOutputArrays() : 1;
    }

    /** The network as ModelSerializer writes it; {@link #restore} reads it back. */
    default byte[] toBytes(boolean withUpdater) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(model(), out, withUpdater);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize the network: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static Network build(NetworkSpec spec, long seed) {
        return spec.isGraph() ? new Graph(NetworkFactory.buildGraph(spec, seed)) : new Stack(NetworkFactory.build(spec, seed));
    }

    /** Reads a network written by ModelSerializer, with its updater state. */
    static Network restore(InputStream in, boolean graph) throws IOException {
        return graph ? new Graph(ModelSerializer.restoreComputationGraph(in, true))
                : new Stack(ModelSerializer.restoreMultiLayerNetwork(in, true));
    }

    /** A layer stack. */
    record Stack(MultiLayerNetwork network) implements Network {
        @Override
        public Model model() {
            return network;
        }

        @Override
        public void fit(DataSet batch) {
            network.fit(batch);
        }

        @Override
        public INDArray output(INDArray features, INDArray mask) {
            return network.output(features, false, mask, null);
        }

        @Override
        public double score() {
            return network.score();
        }

        @Override
        public int epochCount() {
            return network.getEpochCount();
        }

        @Override
        public void incrementEpochCount() {
            network.incrementEpochCount();
        }

        @Override
        public long numParams() {
            return network.numParams();
        }

        @Override
        public int layerCount() {
            return network.getnLayers();
        }

        @Override
        public INDArray params() {
            return network.params();
        }

        @Override
        public INDArray updaterState() {
            return network.getUpdater().getStateViewArray();
        }

        @Override
        public Network copy() {
            return new Stack(network.clone());
        }

        @Override
        public SparkNetwork onSpark(JavaSparkContext sc, TrainingMaster<?, ?> master) {
            return new SparkNetwork.OfStack(sc, this, master);
        }
    }

    /** A graph: several inputs or outputs, shared trunks, merges. */
    record Graph(ComputationGraph graph) implements Network {
        @Override
        public Model model() {
            return graph;
        }

        /** A graph with several outputs fits the minibatch split into its heads ({@link OutputSplit}). */
        @Override
        public void fit(DataSet batch) {
            OutputSplit.of(graph).ifPresentOrElse(split -> graph.fit(split.split(batch)), () -> graph.fit(batch));
        }

        /** @throws IllegalStateException for a graph with several outputs, which {@link #outputs} serves */
        @Override
        public INDArray output(INDArray features, INDArray mask) {
            if (outputCount() > 1) {
                throw new IllegalStateException("the graph has " + outputCount() + " outputs "
                        + graph.getConfiguration().getNetworkOutputs() + "; ask for all of them");
            }
            return outputs(features, mask)[0];
        }

        /** Every output's activations for a batch, in the graph's output order, in inference mode. */
        public INDArray[] outputs(INDArray features, INDArray mask) {
            return graph.output(false, new INDArray[] {features}, mask == null ? null : new INDArray[] {mask});
        }

        @Override
        public double score() {
            return graph.score();
        }

        @Override
        public int epochCount() {
            return graph.getConfiguration().getEpochCount();
        }

        @Override
        public void incrementEpochCount() {
            graph.incrementEpochCount();
        }

        @Override
        public long numParams() {
            return graph.numParams();
        }

        @Override
        public int layerCount() {
            return graph.getNumLayers();
        }

        @Override
        public INDArray params() {
            return graph.params();
        }

        @Override
        public INDArray updaterState() {
            return graph.getUpdater().getStateViewArray();
        }

        @Override
        public Network copy() {
            return new Graph(graph.clone());
        }

        @Override
        public SparkNetwork onSpark(JavaSparkContext sc, TrainingMaster<?, ?> master) {
            return new SparkNetwork.OfGraph(sc, this, master);
        }
    }
}
