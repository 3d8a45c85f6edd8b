package io.sparktrain.trainer.model;

import java.util.List;

/**
 * Derives the output shape of a layer from the shapes of its inputs, and says precisely why when
 * the layer cannot take them. The spec reader runs it through the whole network before Spark
 * starts, so a bad stack is reported by key path instead of as a DL4J exception on an executor.
 */
public final class ShapeCalculator {
    private ShapeCalculator() {
    }

    public static Shape output(LayerSpec layer, List<Shape> inputs) {
        if (layer.type().joinsInputs()) {
            return joined(layer.type(), inputs);
        }
        if (inputs.size() != 1) {
            throw new ShapeException("inputs", "a " + layer.type().configName() + " layer reads exactly one input, got "
                    + inputs.size() + "; join several with a merge or add vertex first");
        }
        Shape in = inputs.get(0);
        return switch (layer.type()) {
            case DENSE -> dense((DenseLayerSpec) layer, in);
            case OUTPUT -> output((OutputLayerSpec) layer, in);
            case CONV2D -> convolved((Conv2dLayerSpec) layer, in);
            case MAX_POOL, AVG_POOL -> pooled((PoolingLayerSpec) layer, in);
            case FLATTEN -> flattened(in);
            case DROPOUT -> in;
            case BATCH_NORM -> normalized(in);
            case EMBEDDING -> embedded((EmbeddingLayerSpec) layer, in);
            case LSTM -> recurrent((LstmLayerSpec) layer, in);
            case MERGE, ADD -> throw new IllegalStateException("handled above");
        };
    }

    private static Shape dense(DenseLayerSpec layer, Shape in) {
        // Not offered step by step: DL4J folds the steps into the batch, which only lines up with the
        // labels when a recurrent layer follows.
        if (in instanceof Shape.Sequence) {
            throw new ShapeException("type", "dense needs a flat or image input but gets " + in.describe()
                    + "; reduce the sequence first with an lstm with return-sequences = false");
        }
        return new Shape.Flat(layer.units());
    }

    private static Shape output(OutputLayerSpec layer, Shape in) {
        // On a sequence the output layer predicts at every step (DL4J RnnOutputLayer).
        if (in instanceof Shape.Sequence sequence) {
            return new Shape.Sequence(sequence.length(), layer.units());
        }
        return new Shape.Flat(layer.units());
    }

    private static Shape convolved(Conv2dLayerSpec layer, Shape in) {
        Dims out = windowed(layer.window(), image("conv2d", in));
        return new Shape.Image(out.height(), out.width(), layer.filters());
    }

    private static Shape pooled(PoolingLayerSpec layer, Shape in) {
        Shape.Image image = image(layer.type().configName(), in);
        Dims out = windowed(layer.window(), image);
        return new Shape.Image(out.height(), out.width(), image.channels());
    }

    private static Shape.Image image(String layer, Shape in) {
        if (in instanceof Shape.Image image) {
            return image;
        }
        throw new ShapeException("type", layer + " needs an image input but gets " + in.describe()
                + "; set model.input { type = image, height, width, channels } and keep it before flatten and dense layers");
    }

    private static Dims windowed(Window window, Shape.Image image) {
        Dims out = window.outputOf(image.dims());
        if (out.height() < 1 || out.width() < 1) {
            throw new ShapeException("kernel", window.describe() + " on a " + image.dims() + " input gives " + out
                    + "; use a smaller kernel or stride, padding = same, or fewer pooling layers before this one");
        }
        return out;
    }

    private static Shape flattened(Shape in) {
        if (in instanceof Shape.Image image) {
            return new Shape.Flat(image.values());
        }
        throw new ShapeException("type", "flatten needs an image input but gets " + in.describe() + "; "
                + (in instanceof Shape.Sequence
                        ? "to reduce a sequence to one vector use an lstm with return-sequences = false"
                        : "the input is flat already, remove this layer"));
    }

    private static Shape normalized(Shape in) {
        if (in instanceof Shape.Sequence) {
            throw new ShapeException("type", "batch-norm needs a flat or image input but gets " + in.describe()
                    + "; put it after an lstm with return-sequences = false");
        }
        return in;
    }

    private static Shape embedded(EmbeddingLayerSpec layer, Shape in) {
        if (in instanceof Shape.Sequence sequence && sequence.features() == 1) {
            return new Shape.Sequence(sequence.length(), layer.dimension());
        }
        if (in instanceof Shape.Flat flat && flat.size() == 1) {
            return new Shape.Flat(layer.dimension());
        }
        throw new ShapeException("type", "embedding reads one token index per step (or per example) but gets "
                + in.describe() + "; for tokens set model.input { type = sequence, length = N } with features = 1");
    }

    private static Shape recurrent(LstmLayerSpec layer, Shape in) {
        if (!(in instanceof Shape.Sequence sequence)) {
            throw new ShapeException("type", "lstm needs a sequence input but gets " + in.describe()
                    + "; set model.input { type = sequence, length = N }, and return-sequences = true on an lstm"
                    + " that feeds another lstm");
        }
        return layer.returnSequences() ? new Shape.Sequence(sequence.length(), layer.units())
                : new Shape.Flat(layer.units());
    }

    private static Shape joined(LayerType type, List<Shape> inputs) {
        if (inputs.size() < 2) {
            throw new ShapeException("inputs", type.configName() + " joins two or more inputs, got " + inputs.size());
        }
        Shape first = inputs.get(0);
        if (type == LayerType.ADD) {
            if (inputs.stream().anyMatch(s -> !s.equals(first))) {
                throw new ShapeException("inputs", "add needs inputs of one shape, got " + describe(inputs));
            }
            return first;
        }
        if (inputs.stream().anyMatch(s -> !s.equals(withLastDimension(first, lastDimension(s))))) {
            throw new ShapeException("inputs", "merge concatenates the last dimension (size, channels or features)"
                    + " and needs the others equal, got " + describe(inputs));
        }
        return withLastDimension(first, inputs.stream().mapToInt(ShapeCalculator::lastDimension).sum());
    }

    private static int lastDimension(Shape shape) {
        if (shape instanceof Shape.Image image) {
            return image.channels();
        }
        if (shape instanceof Shape.Sequence sequence) {
            return sequence.features();
        }
        return shape.values();
    }

    private static Shape withLastDimension(Shape shape, int last) {
        if (shape instanceof Shape.Image image) {
            return new Shape.Image(image.height(), image.width(), last);
        }
        if (shape instanceof Shape.Sequence sequence) {
            return new Shape.Sequence(sequence.length(), last);
        }
        return new Shape.Flat(last);
    }

    private static String describe(List<Shape> shapes) {
        return String.join(", ", shapes.stream().map(Shape::describe).toList());
    }
}
