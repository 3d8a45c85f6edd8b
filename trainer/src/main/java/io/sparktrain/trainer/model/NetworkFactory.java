package io.sparktrain.trainer.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Builds an initialised DL4J network from a validated {@link NetworkSpec}. */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    public static MultiLayerNetwork build(NetworkSpec spec, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(NetworkSpecReader.WEIGHT_INITS.get(spec.weightInit()))
                .updater(spec.optimizer().toUpdater())
                .l2(spec.l2())
                .list();
        int inputs = spec.inputSize();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (layer instanceof DenseLayerSpec dense) {
                DenseLayer.Builder builder = new DenseLayer.Builder()
                        .nIn(inputs).nOut(dense.units()).activation(dense.activation().dl4j());
                if (dense.dropout() > 0) {
                    // DL4J's dropOut takes the probability of *retaining* an input.
                    builder.dropOut(1.0 - dense.dropout());
                }
                list.layer(i, builder.build());
            } else if (layer instanceof OutputLayerSpec output) {
                list.layer(i, new OutputLayer.Builder(output.loss().dl4j())
                        .nIn(inputs).nOut(output.units()).activation(output.activation().dl4j()).build());
            }
            inputs = layer.units();
        }
        MultiLayerConfiguration configuration = list.build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
