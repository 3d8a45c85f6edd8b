package io.sparktrain.config;

import io.sparktrain.trainer.model.GradientClipping;
import io.sparktrain.trainer.model.LearningRateSchedule;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.OptimizerSpec;
import io.sparktrain.trainer.model.OptimizerType;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.Topology;
import io.sparktrain.trainer.model.WeightInit;
import java.util.List;
import java.util.Optional;

/**
 * Reads and validates the {@code model} section of a job config into a {@link NetworkSpec}:
 * the input, how to train, and the layers as a stack ({@code model.layers}) or a graph
 * ({@code model.graph}). Problems go to the {@link ConfigReader}, all of them, by key path.
 */
public final class NetworkSpecReader {
    private static final List<String> INPUT_TYPES = List.of("flat", "image", "sequence");
    private static final List<String> SCHEDULE_TYPES = List.of("none", "step", "exponential");

    private NetworkSpecReader() {
    }

    /** The spec, or empty when the section has problems (each reported to {@code model}). */
    public static Optional<NetworkSpec> read(ConfigReader model) {
        int before = model.problemCount();
        Shape input = readInput(model.section("input"));
        LayerSpecReader layers = new LayerSpecReader(model.choice("weight-init", WeightInit.class),
                model.decimal("dropout", 0, 0.99));
        double l2 = model.decimal("l2", 0, 1);
        GradientClipping clipping = readClipping(model.section("gradient-clipping"));
        OptimizerSpec optimizer = readOptimizer(model.section("optimizer"));
        Topology topology = readTopology(model, input, layers);
        if (model.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new NetworkSpec(input, topology, optimizer, l2, clipping));
    }

    private static Shape readInput(ConfigReader input) {
        return switch (input.oneOf("type", INPUT_TYPES)) {
            case "image" -> new Shape.Image(input.integer("height", 1, 100_000), input.integer("width", 1, 100_000),
                    input.integer("channels", 1, 100_000));
            case "sequence" -> new Shape.Sequence(input.integer("length", 1, 100_000_000),
                    input.has("features") ? input.integer("features", 1, 1_000_000) : 1);
            default -> new Shape.Flat(input.integer("size", 1, Integer.MAX_VALUE));
        };
    }

    private static Topology readTopology(ConfigReader model, Shape input, LayerSpecReader layers) {
        boolean stack = model.has("layers");
        boolean graph = model.has("graph");
        if (stack && graph) {
            model.problem("graph", "is given together with model.layers; describe the network either as a stack"
                    + " (model.layers) or as a graph (model.graph)");
        }
        if (graph) {
            return GraphReader.read(model.section("graph"), input, layers);
        }
        if (!stack) {
            model.problem("layers", "is required but missing; add model.layers = [ { type = ... }, ... ] for a stack"
                    + " of layers, or model.graph { ... } for a graph");
            return new Topology.Sequential(List.of());
        }
        return SequentialReader.read(model, input, layers);
    }

    private static GradientClipping readClipping(ConfigReader clipping) {
        return new GradientClipping(clipping.choice("type", GradientClipping.Type.class),
                clipping.decimal("threshold", 1e-6, 1e6));
    }

    private static OptimizerSpec readOptimizer(ConfigReader optimizer) {
        int before = optimizer.problemCount();
        OptimizerType type = optimizer.choice("type", OptimizerType.class);
        double momentum = optimizer.decimal("momentum", 0, 0.9999);
        if (optimizer.problemCount() == before && momentum > 0 && type != OptimizerType.SGD) {
            optimizer.problem("momentum", "is " + momentum + " but only sgd uses momentum; remove it or set"
                    + " type = sgd");
        }
        return new OptimizerSpec(type, optimizer.decimal("learning-rate", 1e-9, 10), momentum,
                readSchedule(optimizer.section("schedule")));
    }

    private static LearningRateSchedule readSchedule(ConfigReader schedule) {
        int before = schedule.problemCount();
        String type = schedule.oneOf("type", SCHEDULE_TYPES);
        if (schedule.problemCount() > before) {
            // Which other keys belong depends on the type: none can be judged.
            schedule.ignoreRemainingKeys();
            return new LearningRateSchedule.Constant();
        }
        if (!type.equals("step") && schedule.has("every")) {
            schedule.problem("every", "only applies to type = step");
        }
        if (type.equals("none") && schedule.has("decay")) {
            schedule.problem("decay", "only applies to type = step or exponential");
        }
        return switch (type) {
            case "step" -> new LearningRateSchedule.Step(schedule.decimal("decay", 0.01, 1),
                    schedule.integer("every", 1, 1_000_000));
            case "exponential" -> new LearningRateSchedule.Exponential(schedule.decimal("decay", 0.01, 1));
            default -> new LearningRateSchedule.Constant();
        };
    }
}
