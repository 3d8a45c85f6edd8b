package io.sparktrain.config;

import static io.sparktrain.trainer.model.Topology.Graph.INPUT;

import io.sparktrain.trainer.model.EmbeddingLayerSpec;
import io.sparktrain.trainer.model.LayerSpec;
import io.sparktrain.trainer.model.LayerType;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.Topology;
import io.sparktrain.trainer.model.VertexSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code model.graph}, a network like a Keras functional model: named vertices, each listed
 * after the vertices it reads, and the output vertices in the order of their labels. Checks the
 * wiring (names, inputs, outputs, unused vertices) and carries shapes along every edge.
 */
final class GraphReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** A vertex read, with its config for messages about it. */
    private record ReadVertex(VertexSpec spec, ConfigReader config) {}

    private final ConfigReader graph;
    private final Shape input;
    private final LayerSpecReader layerReader;
    /** The config of each vertex by name (the first, where a name is taken twice; none for an invalid name). */
    private final Map<String, ConfigReader> configs = new HashMap<>();
    /** Types of the vertices read so far, in order. */
    private final Map<String, LayerType> types = new LinkedHashMap<>();
    /** Output shape of the network input and every vertex read so far; empty where unknown. */
    private final Map<String, Optional<Shape>> shapes = new LinkedHashMap<>();
    /** Every name some vertex reads. */
    private final Set<String> read = new HashSet<>();

    private GraphReader(ConfigReader graph, Shape input, LayerSpecReader layerReader) {
        this.graph = graph;
        this.input = input;
        this.layerReader = layerReader;
        shapes.put(INPUT, Optional.of(input));
    }

    static Topology.Graph read(ConfigReader graph, Shape input, LayerSpecReader layerReader) {
        return new GraphReader(graph, input, layerReader).read();
    }

    private Topology.Graph read() {
        List<ConfigReader> vertexConfigs = graph.objectList("vertices");
        List<String> names = new ArrayList<>();
        for (ConfigReader config : vertexConfigs) {
            names.add(name(config));
        }
        List<ReadVertex> vertices = new ArrayList<>();
        for (int i = 0; i < vertexConfigs.size(); i++) {
            ConfigReader config = vertexConfigs.get(i);
            int before = config.problemCount();
            List<String> inputs = inputs(config, names.get(i), names.subList(i + 1, names.size()));
            Optional<LayerSpec> layer = layerReader.read(config, inputs.contains(INPUT));
            // A name already reported as taken or invalid does not stand for this vertex.
            boolean named = configs.get(names.get(i)) == config;
            if (layer.isPresent() && named) {
                checkInputKinds(config, layer.get(), inputs);
                vertices.add(new ReadVertex(new VertexSpec(names.get(i), inputs, layer.get()), config));
                types.put(names.get(i), layer.get().type());
                boolean known = config.problemCount() == before
                        && inputs.stream().allMatch(in -> shapes.get(in).isPresent());
                shapes.put(names.get(i), known
                        ? ShapeCheck.output(config, layer.get(), inputs.stream().map(in -> shapes.get(in).get()).toList())
                        : Optional.empty());
            }
        }
        List<String> outputs = outputs();
        checkEveryVertexIsRead(vertices);
        checkTokenInputReaders(vertices);
        return new Topology.Graph(vertices.stream().map(ReadVertex::spec).toList(), outputs);
    }

    private String name(ConfigReader config) {
        String name = config.string("name");
        if (!config.has("name")) {
            return name;
        }
        if (name.equals(INPUT)) {
            config.problem("name", "'input' names the network input; choose another name");
        } else if (!NAME.matcher(name).matches()) {
            config.problem("name", "is '" + name + "'; use letters, digits, '-' and '_', starting with a letter");
        } else if (configs.containsKey(name)) {
            config.problem("name", "'" + name + "' is already the name of " + vertexPath(configs.get(name)));
        } else {
            configs.put(name, config);
        }
        return name;
    }

    /** @param later names of the vertices listed after this one */
    private List<String> inputs(ConfigReader config, String name, List<String> later) {
        List<String> inputs = config.stringList("inputs");
        if (inputs.isEmpty() && config.has("inputs")) {
            config.problem("inputs", "is empty; name the vertices this one reads, or 'input' for the network input");
        }
        for (String in : inputs) {
            if (in.equals(name)) {
                config.problem("inputs", "'" + in + "' is this vertex itself; a graph has no cycles");
            } else if (later.contains(in)) {
                config.problem("inputs", "'" + in + "' comes further down; list every vertex after the vertices it reads");
            } else if (!shapes.containsKey(in)) {
                config.problem("inputs", "'" + in + "' is not a vertex; known so far: " + String.join(", ", shapes.keySet()));
            } else if (types.get(in) == LayerType.OUTPUT) {
                config.problem("inputs", "'" + in + "' is an output vertex; outputs feed no other vertex");
            }
            read.add(in);
        }
        return inputs.stream().filter(shapes::containsKey).toList();
    }

    /** What DL4J cannot feed to a vertex straight from the network input. */
    private void checkInputKinds(ConfigReader config, LayerSpec layer, List<String> inputs) {
        if (layer.type() == LayerType.EMBEDDING && !inputs.equals(List.of(INPUT))) {
            config.problem("inputs", "is " + inputs + "; an embedding reads token indices from the network input:"
                    + " inputs = [input]");
        }
        // DL4J holds an image input flat until a layer reshapes it, and cannot join it flat.
        if (layer.type().joinsInputs() && inputs.contains(INPUT) && input instanceof Shape.Image) {
            config.problem("inputs", layer.type().configName() + " cannot read the image input directly;"
                    + " put a layer (e.g. conv2d) between");
        }
    }

    private List<String> outputs() {
        List<String> outputs = graph.stringList("outputs");
        if (!graph.has("outputs")) {
            return outputs;
        }
        if (outputs.isEmpty()) {
            graph.problem("outputs", "is empty; list the output vertices in the order of their labels");
        }
        Set<String> seen = new HashSet<>();
        for (String output : outputs) {
            if (!types.containsKey(output)) {
                graph.problem("outputs", "'" + output + "' is not a vertex");
            } else if (types.get(output) != LayerType.OUTPUT) {
                graph.problem("outputs", "'" + output + "' is a " + types.get(output).configName()
                        + " vertex; outputs are vertices of type output");
            } else if (!seen.add(output)) {
                graph.problem("outputs", "lists '" + output + "' twice");
            }
        }
        types.forEach((name, type) -> {
            if (type == LayerType.OUTPUT && !outputs.contains(name)) {
                graph.problem("outputs", "misses output vertex '" + name + "'; list every output vertex, in the"
                        + " order of their labels");
            }
        });
        return outputs;
    }

    private void checkEveryVertexIsRead(List<ReadVertex> vertices) {
        for (ReadVertex vertex : vertices) {
            String name = vertex.spec().name();
            if (vertex.spec().layer().type() != LayerType.OUTPUT && !read.contains(name)) {
                vertex.config().problem("name", "'" + name + "' is read by no vertex; connect it or remove it");
            }
        }
    }

    /**
     * DL4J learns an embedding's vocabulary size from the declared size of its input, so an input
     * of token indices can only feed embeddings, all of one vocabulary.
     */
    private void checkTokenInputReaders(List<ReadVertex> vertices) {
        Optional<EmbeddingLayerSpec> embedding = vertices.stream().map(v -> v.spec().layer())
                .filter(EmbeddingLayerSpec.class::isInstance).map(EmbeddingLayerSpec.class::cast).findFirst();
        if (embedding.isEmpty()) {
            return;
        }
        for (ReadVertex vertex : vertices) {
            boolean sameEmbedding = vertex.spec().layer() instanceof EmbeddingLayerSpec other
                    && other.vocabSize() == embedding.get().vocabSize();
            if (vertex.spec().inputs().contains(INPUT) && !sameEmbedding) {
                vertex.config().problem("inputs", "reads 'input', which holds token indices; only"
                        + " embeddings with vocab-size " + embedding.get().vocabSize() + " may read it");
            }
        }
    }

    private static String vertexPath(ConfigReader config) {
        String namePath = config.path("name");
        return namePath.substring(0, namePath.length() - ".name".length());
    }
}
