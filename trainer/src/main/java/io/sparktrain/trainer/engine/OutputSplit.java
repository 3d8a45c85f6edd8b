package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.deeplearning4j.core.loader.MultiDataSetLoader;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The outputs of a graph with several, and how its minibatches reach them. The engine moves
 * {@link DataSet}s on every path (minibatch files, minibatches kept in memory, both training
 * masters, evaluation), so a multi-output graph's minibatches carry every head's labels side by
 * side in one labels array ({@code MultiMiniBatcher.toDataSets}); this splits that array into the
 * graph's {@link MultiDataSet}, head by head in the graph's output order, by each output layer's width.
 */
final class OutputSplit implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One output layer.
     *
     * @param classes whether its loss is a cross-entropy, so it predicts classes rather than numbers
     */
    record Head(String name, int width, boolean classes) implements Serializable {}

    private final List<Head> heads;

    private OutputSplit(List<Head> heads) {
        this.heads = List.copyOf(heads);
    }

    /** The split of a graph with several outputs; empty for a graph with one, whose DataSets it fits as they are. */
    static Optional<OutputSplit> of(ComputationGraph graph) {
        List<String> outputs = graph.getConfiguration().getNetworkOutputs();
        if (outputs.size() < 2) {
            return Optional.empty();
        }
        List<Head> heads = new ArrayList<>();
        for (String name : outputs) {
            BaseOutputLayer layer = (BaseOutputLayer) graph.getLayer(name).conf().getLayer();
            ILossFunction loss = layer.getLossFn();
            heads.add(new Head(name, (int) layer.getNOut(), loss instanceof LossMCXENT || loss instanceof LossBinaryXENT));
        }
        return Optional.of(new OutputSplit(heads));
    }

    List<Head> heads() {
        return heads;
    }

    /** The minibatch as the graph fits it: the same features (and mask), each head's labels its own array. */
    MultiDataSet split(DataSet batch) {
        INDArray[] labels = labelsPerHead(batch.getLabels());
        INDArray[] featureMasks = batch.getFeaturesMaskArray() == null ? null
                : new INDArray[] {batch.getFeaturesMaskArray()};
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {batch.getFeatures()}, labels, featureMasks, null);
    }

    /** The labels array cut into the heads' column blocks, in output order. */
    INDArray[] labelsPerHead(INDArray labels) {
        int total = heads.stream().mapToInt(Head::width).sum();
        if (labels.columns() != total) {
            throw new IllegalArgumentException("a minibatch has " + labels.columns() + " label columns but the graph's"
                    + " outputs " + heads.stream().map(Head::name).toList() + " take " + total);
        }
        INDArray[] split = new INDArray[heads.size()];
        int from = 0;
        for (int k = 0; k < split.length; k++) {
            int to = from + heads.get(k).width();
            split[k] = labels.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup();
            from = to;
        }
        return split;
    }

    /** Reads minibatch files with {@code loader} and splits each one. */
    MultiDataSetLoader loader(DataSetLoader loader) {
        return new SplittingLoader(loader, this);
    }

    /** A plain class, not a record: Spark ships it with Java serialization or Kryo, and that Kryo cannot build records. */
    private static final class SplittingLoader implements MultiDataSetLoader {
        private static final long serialVersionUID = 1L;
        private final DataSetLoader loader;
        private final OutputSplit split;

        SplittingLoader(DataSetLoader loader, OutputSplit split) {
            this.loader = loader;
            this.split = split;
        }

        @Override
        public MultiDataSet load(Source source) throws IOException {
            return split.split(loader.load(source));
        }
    }
}
