package io.sparktrain.trainer.model;

import java.util.OptionalInt;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;

/**
 * Translates validated layer specs into DL4J layer configurations. Input sizes ({@code nIn}) are
 * left to DL4J, which derives them from the network's input type; the shape a layer reads is
 * passed in only where it decides which DL4J layer to use.
 */
final class Dl4jLayers {
    private Dl4jLayers() {
    }

    /**
     * The DL4J input type of the network input. DL4J sets an embedding's vocabulary size
     * ({@code nIn}) from the size of its input type, so an input of token indices is declared with
     * the vocabulary size as its size.
     *
     * @param tokenVocabulary the vocabulary of the embedding reading the input, if one does
     */
    static InputType inputType(Shape input, OptionalInt tokenVocabulary) {
        if (input instanceof Shape.Image image) {
            return InputType.convolutionalFlat(image.height(), image.width(), image.channels());
        }
        if (input instanceof Shape.Sequence sequence) {
            return InputType.recurrent(tokenVocabulary.orElse(sequence.features()), sequence.length());
        }
        return InputType.feedForward(tokenVocabulary.orElse(input.values()));
    }

    /** A DL4J layer for every layer type but flatten, merge and add, which are no DL4J layers. */
    static Layer layer(LayerSpec spec, Shape input) {
        if (spec instanceof DenseLayerSpec dense) {
            return weighted(new DenseLayer.Builder().nOut(dense.units()), dense.activation(), dense.dropout(),
                    dense.weightInit()).build();
        }
        if (spec instanceof Conv2dLayerSpec conv) {
            Window window = conv.window();
            ConvolutionLayer.Builder builder = new ConvolutionLayer.Builder(pair(window.kernel()),
                    pair(window.stride()), pair(window.padding().explicit())).convolutionMode(mode(window));
            return weighted(builder.nOut(conv.filters()), conv.activation(), conv.dropout(), conv.weightInit()).build();
        }
        if (spec instanceof PoolingLayerSpec pooling) {
            PoolingType type = pooling.type() == LayerType.MAX_POOL ? PoolingType.MAX : PoolingType.AVG;
            Window window = pooling.window();
            return new SubsamplingLayer.Builder(type, pair(window.kernel()), pair(window.stride()),
                    pair(window.padding().explicit())).convolutionMode(mode(window)).build();
        }
        if (spec instanceof DropoutLayerSpec dropout) {
            return new DropoutLayer.Builder(retained(dropout.rate())).build();
        }
        if (spec instanceof BatchNormLayerSpec) {
            return new BatchNormalization.Builder().build();
        }
        if (spec instanceof EmbeddingLayerSpec embedding) {
            return embedding(embedding, input);
        }
        if (spec instanceof LstmLayerSpec lstm) {
            LSTM layer = weighted(new LSTM.Builder().nOut(lstm.units()), lstm.activation(), lstm.dropout(),
                    lstm.weightInit()).build();
            // Keras' return_sequences = false: only the last unmasked step goes on.
            return lstm.returnSequences() ? layer : new LastTimeStep(layer);
        }
        if (spec instanceof OutputLayerSpec output) {
            return output(output, input);
        }
        throw new IllegalArgumentException(spec.type().configName() + " is not a DL4J layer");
    }

    /**
     * Flatten is a DL4J preprocessor, not a layer. FeedForwardToCnn first gives a still-flat image
     * input its 4-D form (and leaves 4-D activations alone), so the same preprocessor works whether
     * or not a layer before it has reshaped the input.
     */
    static InputPreProcessor flatten(Shape.Image image) {
        return new ComposableInputPreProcessor(
                new FeedForwardToCnnPreProcessor(image.height(), image.width(), image.channels()),
                new CnnToFeedForwardPreProcessor(image.height(), image.width(), image.channels()));
    }

    private static Layer embedding(EmbeddingLayerSpec embedding, Shape input) {
        if (input instanceof Shape.Sequence sequence) {
            return new EmbeddingSequenceLayer.Builder().nIn(embedding.vocabSize()).nOut(embedding.dimension())
                    .inputLength(sequence.length()).weightInit(embedding.weightInit().dl4j()).build();
        }
        return new EmbeddingLayer.Builder().nIn(embedding.vocabSize()).nOut(embedding.dimension())
                .weightInit(embedding.weightInit().dl4j()).build();
    }

    private static Layer output(OutputLayerSpec output, Shape input) {
        var loss = output.loss().dl4j(output.classWeights());
        // A sequence gets a prediction (and a label) at every step.
        if (input instanceof Shape.Sequence) {
            return weighted(new RnnOutputLayer.Builder(loss).nOut(output.units()), output.activation(),
                    output.dropout(), output.weightInit()).build();
        }
        return weighted(new OutputLayer.Builder(loss).nOut(output.units()), output.activation(), output.dropout(),
                output.weightInit()).build();
    }

    private static <B extends BaseLayer.Builder<B>> B weighted(B builder, Activation activation, double dropout,
            WeightInit weightInit) {
        builder.activation(activation.dl4j()).weightInit(weightInit.dl4j());
        if (dropout > 0) {
            builder.dropOut(retained(dropout));
        }
        return builder;
    }

    private static int[] pair(Dims dims) {
        return new int[] {dims.height(), dims.width()};
    }

    /** Same as in Keras; otherwise Truncate, DL4J's mode for explicit padding, flooring like Keras' valid. */
    private static ConvolutionMode mode(Window window) {
        return window.padding().same() ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    /** DL4J's dropOut takes the probability of *retaining* a value. */
    private static double retained(double dropoutRate) {
        return 1.0 - dropoutRate;
    }
}
