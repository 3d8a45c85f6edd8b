package io.sparktrain.trainer.model;

import io.sparktrain.config.ConfigReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and validates the {@code model} section of a job config into a {@link NetworkSpec}. */
public final class NetworkSpecReader {
    /** Weight initialisations by config name. */
    public static final Map<String, org.deeplearning4j.nn.weights.WeightInit> WEIGHT_INITS = Map.of(
            "relu", org.deeplearning4j.nn.weights.WeightInit.RELU,
            "relu-uniform", org.deeplearning4j.nn.weights.WeightInit.RELU_UNIFORM,
            "xavier", org.deeplearning4j.nn.weights.WeightInit.XAVIER,
            "xavier-uniform", org.deeplearning4j.nn.weights.WeightInit.XAVIER_UNIFORM,
            "lecun-normal", org.deeplearning4j.nn.weights.WeightInit.LECUN_NORMAL,
            "normal", org.deeplearning4j.nn.weights.WeightInit.NORMAL,
            "uniform", org.deeplearning4j.nn.weights.WeightInit.UNIFORM,
            "zero", org.deeplearning4j.nn.weights.WeightInit.ZERO);

    private static final List<String> LAYER_TYPES = List.of("dense", "output");

    private NetworkSpecReader() {
    }

    public static NetworkSpec read(ConfigReader model) {
        ConfigReader input = model.section("input");
        int inputSize = input.integer("size", 1, Integer.MAX_VALUE);
        String weightInit = model.oneOf("weight-init", WEIGHT_INITS.keySet().stream().sorted().toList());
        double l2 = model.decimal("l2", 0, 1);

        ConfigReader optimizerReader = model.section("optimizer");
        OptimizerSpec optimizer = new OptimizerSpec(
                optimizerReader.oneOf("type", OptimizerSpec.TYPES),
                optimizerReader.decimal("learning-rate", 1e-9, 10),
                optimizerReader.decimal("momentum", 0, 0.9999));

        List<ConfigReader> layerReaders = model.objectList("layers");
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layerReaders.size(); i++) {
            ConfigReader layer = layerReaders.get(i);
            boolean last = i == layerReaders.size() - 1;
            String type = layer.oneOf("type", LAYER_TYPES);
            if (type.equals("output") != last) {
                layer.problem("type", last
                        ? "is '" + type + "' but the last layer must be of type 'output' (it carries the loss)"
                        : "is 'output' but only the last layer may be an output layer; use 'dense' here");
            }
            layers.add(type.equals("output") ? readOutput(layer) : readDense(layer));
        }
        if (layerReaders.isEmpty() && model.has("layers")) {
            model.problem("layers", "is empty; a network needs at least an output layer");
        }
        return new NetworkSpec(inputSize, weightInit, layers, optimizer, l2);
    }

    private static DenseLayerSpec readDense(ConfigReader layer) {
        int units = layer.integer("units", 1, 1_000_000);
        Activation activation = activation(layer);
        double dropout = layer.has("dropout") ? layer.decimal("dropout", 0, 0.99) : 0;
        return new DenseLayerSpec(units, activation, dropout);
    }

    private static OutputLayerSpec readOutput(ConfigReader layer) {
        int units = layer.integer("units", 1, 1_000_000);
        Activation activation = activation(layer);
        Loss loss = Loss.fromConfigName(layer.oneOf("loss", Loss.configNames()));
        if (!loss.fits(activation)) {
            layer.problem("loss", "'" + loss.configName() + "' does not fit output activation '"
                    + activation.configName() + "'; use activation "
                    + loss.outputActivations().stream().map(Activation::configName).sorted().toList()
                    + " with this loss, or another loss");
        }
        return new OutputLayerSpec(units, activation, loss);
    }

    private static Activation activation(ConfigReader layer) {
        return Activation.fromConfigName(layer.oneOf("activation", Activation.configNames()));
    }
}
