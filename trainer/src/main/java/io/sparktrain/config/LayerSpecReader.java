package io.sparktrain.config;

import io.sparktrain.trainer.model.Activation;
import io.sparktrain.trainer.model.AddLayerSpec;
import io.sparktrain.trainer.model.BatchNormLayerSpec;
import io.sparktrain.trainer.model.ConfigChoice;
import io.sparktrain.trainer.model.Conv2dLayerSpec;
import io.sparktrain.trainer.model.DenseLayerSpec;
import io.sparktrain.trainer.model.Dims;
import io.sparktrain.trainer.model.DropoutLayerSpec;
import io.sparktrain.trainer.model.EmbeddingLayerSpec;
import io.sparktrain.trainer.model.FlattenLayerSpec;
import io.sparktrain.trainer.model.LayerSpec;
import io.sparktrain.trainer.model.LayerType;
import io.sparktrain.trainer.model.Loss;
import io.sparktrain.trainer.model.LstmLayerSpec;
import io.sparktrain.trainer.model.MergeLayerSpec;
import io.sparktrain.trainer.model.OutputLayerSpec;
import io.sparktrain.trainer.model.Padding;
import io.sparktrain.trainer.model.PoolingLayerSpec;
import io.sparktrain.trainer.model.ShapeCalculator;
import io.sparktrain.trainer.model.WeightInit;
import io.sparktrain.trainer.model.Window;
import java.util.List;
import java.util.Optional;

/**
 * Reads one layer object (an element of {@code model.layers} or a vertex of {@code model.graph})
 * into a {@link LayerSpec}, applying the network-wide defaults for what the layer leaves out.
 * Checks what one layer alone can get wrong; how layers fit together is for the callers and
 * {@link ShapeCalculator}.
 */
final class LayerSpecReader {
    private final WeightInit weightInit;
    private final double dropout;

    /**
     * @param weightInit {@code model.weight-init}, for layers without their own
     * @param dropout    {@code model.dropout}, for layers without their own that do not read the
     *                   network input (raw features are not dropped unless a layer asks for it)
     */
    LayerSpecReader(WeightInit weightInit, double dropout) {
        this.weightInit = weightInit;
        this.dropout = dropout;
    }

    /** Empty when the type is missing or unknown (already reported: nothing else can be read). */
    Optional<LayerSpec> read(ConfigReader layer, boolean readsNetworkInput) {
        Optional<LayerType> type = type(layer);
        if (type.isEmpty()) {
            layer.ignoreRemainingKeys();
            return Optional.empty();
        }
        double defaultDropout = readsNetworkInput ? 0 : dropout;
        return Optional.of(switch (type.get()) {
            case DENSE -> new DenseLayerSpec(units(layer), activation(layer), dropout(layer, defaultDropout),
                    weightInit(layer));
            case CONV2D -> new Conv2dLayerSpec(layer.integer("filters", 1, 100_000), window(layer, false),
                    activation(layer), dropout(layer, defaultDropout), weightInit(layer));
            case MAX_POOL, AVG_POOL -> new PoolingLayerSpec(type.get(), window(layer, true));
            case FLATTEN -> new FlattenLayerSpec();
            case DROPOUT -> new DropoutLayerSpec(layer.decimal("rate", 0, 0.99));
            case BATCH_NORM -> new BatchNormLayerSpec();
            case EMBEDDING -> new EmbeddingLayerSpec(layer.integer("vocab-size", 2, 100_000_000),
                    layer.integer("dimension", 1, 100_000), layer.has("weight-init")
                            ? layer.choice("weight-init", WeightInit.class) : WeightInit.UNIT_NORMAL);
            case LSTM -> new LstmLayerSpec(units(layer),
                    layer.has("activation") ? activation(layer) : Activation.TANH,
                    layer.has("return-sequences") && layer.bool("return-sequences"),
                    dropout(layer, defaultDropout), weightInit(layer));
            case OUTPUT -> output(layer, defaultDropout);
            case MERGE -> new MergeLayerSpec();
            case ADD -> new AddLayerSpec();
        });
    }

    private static Optional<LayerType> type(ConfigReader layer) {
        String name = layer.string("type");
        Optional<LayerType> type = ConfigChoice.find(LayerType.class, name);
        if (type.isEmpty() && layer.has("type")) {
            layer.problem("type", "is '" + name + "'; allowed: " + String.join(", ", ConfigChoice.names(LayerType.class)));
        }
        return type;
    }

    private OutputLayerSpec output(ConfigReader layer, double defaultDropout) {
        int before = layer.problemCount();
        OutputLayerSpec output = new OutputLayerSpec(units(layer), activation(layer),
                layer.choice("loss", Loss.class),
                layer.has("class-weights") ? layer.decimalList("class-weights", 0, 1e6) : List.of(),
                dropout(layer, defaultDropout), weightInit(layer));
        if (layer.problemCount() == before) {
            checkOutput(layer, output);
        }
        return output;
    }

    /** What DL4J would reject or silently get wrong in an output layer whose keys are each valid. */
    private static void checkOutput(ConfigReader layer, OutputLayerSpec output) {
        Activation activation = output.activation();
        Loss loss = output.loss();
        if (!loss.fits(activation)) {
            layer.problem("loss", "'" + loss.configName() + "' does not fit output activation '"
                    + activation.configName() + "'; use activation "
                    + loss.outputActivations().stream().map(Activation::configName).sorted().toList()
                    + " with this loss, or another loss");
        }
        if (activation == Activation.SOFTMAX && output.units() == 1) {
            layer.problem("units", "is 1 with activation softmax, which always outputs 1; use one unit per class,"
                    + " or activation sigmoid with loss binary-cross-entropy for a yes/no output");
        }
        List<Double> weights = output.classWeights();
        if (!weights.isEmpty() && weights.size() != output.units()) {
            layer.problem("class-weights", "has " + weights.size() + " weights but the layer has " + output.units()
                    + " units; give one weight per unit (class)");
        }
    }

    /**
     * Kernel, stride and padding. A pooling stride defaults to its kernel (non-overlapping windows),
     * a convolution stride to 1, as in Keras.
     */
    private static Window window(ConfigReader layer, boolean pooling) {
        Dims kernel = dims(layer, "kernel", 1);
        Dims stride = layer.has("stride") ? dims(layer, "stride", 1) : pooling ? kernel : Dims.square(1);
        Padding padding = layer.has("padding") ? padding(layer) : Padding.VALID;
        return new Window(kernel, stride, padding);
    }

    private static Dims dims(ConfigReader layer, String key, int min) {
        List<Integer> values = layer.integers(key, min, 100_000);
        if (values.size() == 1) {
            return Dims.square(values.get(0));
        }
        if (values.size() != 2) {
            layer.problem(key, "has " + values.size() + " values; give one for both dimensions, or [height, width]");
            return Dims.square(min);
        }
        return new Dims(values.get(0), values.get(1));
    }

    private static Padding padding(ConfigReader layer) {
        if (!layer.isString("padding")) {
            return new Padding(false, dims(layer, "padding", 0));
        }
        String mode = layer.string("padding");
        if (!mode.equals("same") && !mode.equals("valid")) {
            layer.problem("padding", "is '" + mode + "'; allowed: same, valid, or the zeros on each side as N or"
                    + " [height, width]");
        }
        return mode.equals("same") ? Padding.SAME : Padding.VALID;
    }

    private static int units(ConfigReader layer) {
        return layer.integer("units", 1, 1_000_000);
    }

    private static Activation activation(ConfigReader layer) {
        return layer.choice("activation", Activation.class);
    }

    private static double dropout(ConfigReader layer, double fallback) {
        return layer.has("dropout") ? layer.decimal("dropout", 0, 0.99) : fallback;
    }

    private WeightInit weightInit(ConfigReader layer) {
        return layer.has("weight-init") ? layer.choice("weight-init", WeightInit.class) : weightInit;
    }
}
