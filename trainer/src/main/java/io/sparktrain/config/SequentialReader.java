package io.sparktrain.config;

import io.sparktrain.trainer.model.LayerSpec;
import io.sparktrain.trainer.model.LayerType;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code model.layers}, a stack like a Keras {@code Sequential}: checks each layer's place in
 * the stack and carries the shape from the input through every layer, so that a layer that cannot
 * take what the one before it gives is named.
 */
final class SequentialReader {
    private SequentialReader() {
    }

    static Topology.Sequential read(ConfigReader model, Shape input, LayerSpecReader layerReader) {
        List<ConfigReader> configs = model.objectList("layers");
        if (configs.isEmpty() && model.has("layers")) {
            model.problem("layers", "is empty; a network needs at least an output layer");
        }
        List<LayerSpec> layers = new ArrayList<>();
        Optional<Shape> shape = Optional.of(input);
        for (int i = 0; i < configs.size(); i++) {
            ConfigReader config = configs.get(i);
            int before = config.problemCount();
            Optional<LayerSpec> layer = layerReader.read(config, i == 0);
            layer.ifPresent(layers::add);
            if (layer.isPresent()) {
                checkPlace(config, layer.get().type(), i, configs.size());
            }
            // Once a layer is wrong the shapes after it are unknown: say nothing about them.
            shape = layer.isPresent() && shape.isPresent() && config.problemCount() == before
                    ? ShapeCheck.output(config, layer.get(), List.of(shape.get()))
                    : Optional.empty();
        }
        return new Topology.Sequential(layers);
    }

    private static void checkPlace(ConfigReader config, LayerType type, int index, int count) {
        boolean last = index == count - 1;
        if (type == LayerType.OUTPUT && !last) {
            config.problem("type", "is 'output' but only the last layer may be an output layer; use 'dense' here");
        } else if (type != LayerType.OUTPUT && last) {
            config.problem("type", "is '" + type.configName()
                    + "' but the last layer must be of type 'output' (it carries the loss)");
        }
        if (type.joinsInputs()) {
            config.problem("type", "'" + type.configName() + "' joins several inputs and exists only in model.graph");
        }
        if (type == LayerType.EMBEDDING && index > 0) {
            config.problem("type", "an embedding reads token indices from the network input, so it must be the first layer");
        }
    }
}
