package io.sparktrain.trainer.model;

import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;

/** Weight initialisations a spec may name (globally or per layer), with the DL4J scheme each maps to. */
public enum WeightInit implements ConfigChoice {
    RELU("relu", org.deeplearning4j.nn.weights.WeightInit.RELU.getWeightInitFunction()),
    RELU_UNIFORM("relu-uniform", org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM.getWeightInitFunction()),
    XAVIER("xavier", org.deeplearning4j.nn.weights.WeightInit.XAVIER.getWeightInitFunction()),
    XAVIER_UNIFORM("xavier-uniform", org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM.getWeightInitFunction()),
    LECUN_NORMAL("lecun-normal", org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL.getWeightInitFunction()),
    NORMAL("normal", org.deeplearning4j.nn.weights.WeightInit.NORMAL.getWeightInitFunction()),
    UNIFORM("uniform", org.deeplearning4j.nn.weights.WeightInit.UNIFORM.getWeightInitFunction()),
    ZERO("zero", org.deeplearning4j.nn.weights.WeightInit.ZERO.getWeightInitFunction()),
    /**
     * N(0, 1) whatever the layer's size: PyTorch's nn.Embedding default and the embeddings' own. The fan-in
     * schemes above scale by the vocabulary (std 0.014 for 10,000 words with relu), which starts every word
     * vector near zero and slowed spam-lstm's first epochs to 0.71-0.75 test accuracy against PyTorch's 0.91.
     */
    UNIT_NORMAL("unit-normal", new WeightInitDistribution(new NormalDistribution(0, 1)));

    private final String configName;
    private final IWeightInit dl4j;

    WeightInit(String configName, IWeightInit dl4j) {
        this.configName = configName;
        this.dl4j = dl4j;
    }

    @Override
    public String configName() {
        return configName;
    }

    public IWeightInit dl4j() {
        return dl4j;
    }
}
