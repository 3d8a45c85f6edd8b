package io.sparktrain.config;

import io.sparktrain.trainer.model.LayerSpec;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.ShapeCalculator;
import io.sparktrain.trainer.model.ShapeException;
import java.util.List;
import java.util.Optional;

/** Runs {@link ShapeCalculator} for one layer of a config and reports a misfit under the layer's path. */
final class ShapeCheck {
    private ShapeCheck() {
    }

    /** The layer's output shape, or empty when it cannot take {@code inputs} (then reported). */
    static Optional<Shape> output(ConfigReader config, LayerSpec layer, List<Shape> inputs) {
        try {
            return Optional.of(ShapeCalculator.output(layer, inputs));
        } catch (ShapeException e) {
            config.problem(e.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
