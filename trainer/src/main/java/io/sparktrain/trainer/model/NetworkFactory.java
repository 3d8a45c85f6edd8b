package io.sparktrain.trainer.model;

import static io.sparktrain.trainer.model.Topology.Graph.INPUT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Builds an initialised DL4J network from a validated {@link NetworkSpec}: a MultiLayerNetwork
 * for a stack ({@code model.layers}), a ComputationGraph for a graph ({@code model.graph}).
 */
public final class NetworkFactory {
    private NetworkFactory() {
    }

    /** The network of a stack spec. */
    public static MultiLayerNetwork build(NetworkSpec spec, long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(stackConfiguration(spec, seed));
        network.init();
        return network;
    }

    /**
     * The number of parameters the network of a stack spec has, without allocating them: a large
     * network's parameters alone can take gigabytes off-heap.
     */
    public static long parameterCount(NetworkSpec spec) {
        List<NeuralNetConfiguration> layers = spec.isGraph()
                ? graphConfiguration(spec, 0).getVertices().values().stream()
                        .filter(LayerVertex.class::isInstance).map(v -> ((LayerVertex) v).getLayerConf()).toList()
                : stackConfiguration(spec, 0).getConfs();
        long count = 0;
        for (NeuralNetConfiguration layer : layers) {
            count += layer.getLayer().initializer().numParams(layer);
        }
        return count;
    }

    private static MultiLayerConfiguration stackConfiguration(NetworkSpec spec, long seed) {
        if (!(spec.topology() instanceof Topology.Sequential sequential)) {
            throw new IllegalArgumentException("model.graph describes a ComputationGraph; build it with buildGraph");
        }
        NeuralNetConfiguration.ListBuilder list = configuration(spec, seed).list();
        Shape shape = spec.input();
        int index = 0;
        InputPreProcessor flatten = null;
        for (LayerSpec layer : sequential.layers()) {
            if (layer instanceof FlattenLayerSpec) {
                flatten = Dl4jLayers.flatten((Shape.Image) shape);
            } else {
                list.layer(index, Dl4jLayers.layer(layer, shape));
                if (flatten != null) {
                    list.inputPreProcessor(index, flatten);
                    flatten = null;
                }
                index++;
            }
            shape = ShapeCalculator.output(layer, List.of(shape));
        }
        // DL4J derives every nIn and inserts the reshaping preprocessors (e.g. image to vector) from this.
        list.setInputType(Dl4jLayers.inputType(spec.input(), tokenVocabulary(spec)));
        return list.build();
    }

    /**
     * The network of a graph spec. Its input is named {@code input}; its outputs come in the order
     * of {@code model.graph.outputs}, as do the label arrays it trains on.
     */
    public static ComputationGraph buildGraph(NetworkSpec spec, long seed) {
        ComputationGraph network = new ComputationGraph(graphConfiguration(spec, seed));
        network.init();
        return network;
    }

    private static ComputationGraphConfiguration graphConfiguration(NetworkSpec spec, long seed) {
        if (!(spec.topology() instanceof Topology.Graph graph)) {
            throw new IllegalArgumentException("model.layers describes a MultiLayerNetwork; build it with build");
        }
        var builder = configuration(spec, seed).graphBuilder().addInputs(INPUT)
                .setInputTypes(Dl4jLayers.inputType(spec.input(), tokenVocabulary(spec)));
        Map<String, Shape> shapes = new HashMap<>(Map.of(INPUT, spec.input()));
        for (VertexSpec vertex : graph.vertices()) {
            List<Shape> in = vertex.inputs().stream().map(shapes::get).toList();
            String[] inputs = vertex.inputs().toArray(String[]::new);
            switch (vertex.layer().type()) {
                case FLATTEN -> builder.addVertex(vertex.name(),
                        new PreprocessorVertex(Dl4jLayers.flatten((Shape.Image) in.get(0))), inputs);
                case MERGE -> builder.addVertex(vertex.name(), new MergeVertex(), inputs);
                case ADD -> builder.addVertex(vertex.name(), new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
                default -> builder.addLayer(vertex.name(), Dl4jLayers.layer(vertex.layer(), in.get(0)), inputs);
            }
            shapes.put(vertex.name(), ShapeCalculator.output(vertex.layer(), in));
        }
        builder.setOutputs(graph.outputNames().toArray(String[]::new));
        return builder.build();
    }

    /** Settings for every layer: what the spec sets network-wide. */
    private static NeuralNetConfiguration.Builder configuration(NetworkSpec spec, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(spec.optimizer().toUpdater())
                .l2(spec.l2())
                .gradientNormalization(spec.clipping().type().dl4j())
                .gradientNormalizationThreshold(spec.clipping().threshold())
                // DL4J's default is sigmoid; layers without an activation key (batch-norm, embedding) are linear.
                .activation(org.nd4j.linalg.activations.Activation.IDENTITY);
    }

    /** Every embedding reads the network input (the reader checks this), all with one vocabulary. */
    private static OptionalInt tokenVocabulary(NetworkSpec spec) {
        return spec.topology().layers().stream().filter(EmbeddingLayerSpec.class::isInstance)
                .mapToInt(layer -> ((EmbeddingLayerSpec) layer).vocabSize()).findFirst();
    }
}
