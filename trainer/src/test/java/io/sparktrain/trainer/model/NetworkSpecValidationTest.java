package io.sparktrain.trainer.model;

import static io.sparktrain.trainer.model.Specs.TWO_HEADS;
import static io.sparktrain.trainer.model.Specs.assertMentions;
import static io.sparktrain.trainer.model.Specs.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktrain.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Bad network specs: each problem is found before Spark starts and named by its key path. */
class NetworkSpecValidationTest {
    /** Two dense layers and an output on 10 features; tests break one thing in it. */
    private static final String STACK = """
            input { size = 10 }
            layers = [
              { type = dense, units = 8, activation = relu }
              { type = output, units = 3, activation = softmax, loss = cross-entropy }
            ]
            """;

    @Test
    void unknownLayerTypeIsNamedAndItsOtherKeysAreNotReportedAgain() {
        ConfigException e = problems(STACK.replace("type = dense, units = 8", "type = conv3d, filters = 8"));
        assertMentions(e, "model.layers[0].type: is 'conv3d'; allowed: dense, conv2d, max-pool");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void convolutionThatShrinksTheImageAwayNamesTheLayerAndTheShapes() {
        ConfigException e = problems("""
                input { type = image, height = 9, width = 9, channels = 1 }
                layers = [
                  { type = conv2d, filters = 4, kernel = 3, activation = relu }
                  { type = max-pool, kernel = 2 }
                  { type = conv2d, filters = 4, kernel = 5, activation = relu }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertMentions(e, "model.layers[2].kernel: kernel 5x5 (stride 1x1, padding valid) on a 3x3 input gives -1x-1");
        assertEquals(1, e.problems().size(), "nothing is said about the layers after it:\n" + e.getMessage());
    }

    @Test
    void lossThatDoesNotFitTheOutputActivationIsNamedInAGraphVertex() {
        ConfigException e = problems(TWO_HEADS.replace("activation = sigmoid", "activation = softmax, units = 2")
                .replace("units = 1, ", ""));
        assertMentions(e, "model.graph.vertices[2].loss: 'binary-cross-entropy' does not fit output activation"
                + " 'softmax'; use activation [sigmoid]");
    }

    @Test
    void softmaxOverOneUnitIsRejected() {
        ConfigException e = problems(STACK.replace("units = 3, activation = softmax", "units = 1, activation = softmax"));
        assertMentions(e, "model.layers[1].units: is 1 with activation softmax, which always outputs 1");
    }

    @Test
    void embeddingWithoutVocabularySizeIsNamed() {
        ConfigException e = problems("""
                input { type = sequence, length = 20 }
                layers = [
                  { type = embedding, dimension = 16 }
                  { type = lstm, units = 8 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertMentions(e, "model.layers[0].vocab-size: is required but missing");
    }

    @Test
    void lstmWithoutASequenceInputIsNamed() {
        ConfigException e = problems(STACK.replace("type = dense, units = 8, activation = relu", "type = lstm, units = 8"));
        assertMentions(e, "model.layers[0].type: lstm needs a sequence input but gets a flat vector of 10",
                "set model.input { type = sequence");
    }

    @Test
    void classWeightsMustGiveOneWeightPerUnit() {
        ConfigException e = problems(STACK.replace("loss = cross-entropy", "loss = cross-entropy, class-weights = [1, 5]"));
        assertMentions(e, "model.layers[1].class-weights: has 2 weights but the layer has 3 units");
    }

    @Test
    void unknownScheduleTypeIsNamed() {
        ConfigException e = problems(STACK + "optimizer.schedule { type = cosine, decay = 0.5 }");
        assertMentions(e, "model.optimizer.schedule.type: is 'cosine'; allowed: none, step, exponential");
        assertEquals(1, e.problems().size(), e.getMessage());
    }

    @Test
    void scheduleKeysAreCheckedForTheirType() {
        ConfigException step = problems(STACK + "optimizer.schedule { type = step, decay = 1.5 }");
        assertMentions(step, "model.optimizer.schedule.decay: is 1.5; allowed: 0.01 to 1.0",
                "model.optimizer.schedule.every: is required but missing");
        ConfigException exponential = problems(STACK + "optimizer.schedule { type = exponential, decay = 0.9, every = 2 }");
        assertMentions(exponential, "model.optimizer.schedule.every: only applies to type = step");
    }

    @Test
    void momentumWithAnOptimizerThatHasNoneIsNamed() {
        ConfigException e = problems(STACK + "optimizer { type = adam, momentum = 0.9 }");
        assertMentions(e, "model.optimizer.momentum: is 0.9 but only sgd uses momentum");
    }

    @Test
    void graphVertexReadingAMissingVertexIsNamedWithTheKnownOnes() {
        ConfigException e = problems(TWO_HEADS.replace("inputs = [trunk], type = output, units = 3", "inputs = [trnk], type = output, units = 3"));
        assertMentions(e, "model.graph.vertices[1].inputs: 'trnk' is not a vertex; known so far: input, trunk");
    }

    @Test
    void graphVertexReadingALaterVertexIsTold() {
        ConfigException e = problems(TWO_HEADS.replace("name = trunk, inputs = [input]", "name = trunk, inputs = [flag]"));
        assertMentions(e, "model.graph.vertices[0].inputs: 'flag' comes further down");
    }

    @Test
    void duplicateVertexNameIsNamedWithTheFirstUse() {
        ConfigException e = problems(TWO_HEADS.replace("name = flag", "name = trunk").replace("[digit, flag]", "[digit, trunk]"));
        assertMentions(e, "model.graph.vertices[2].name: 'trunk' is already the name of model.graph.vertices[0]");
    }

    @Test
    void graphOutputsMustBeExactlyTheOutputVertices() {
        ConfigException e = problems(TWO_HEADS.replace("outputs = [digit, flag]", "outputs = [trunk, digit]"));
        assertMentions(e, "model.graph.outputs: 'trunk' is a dense vertex; outputs are vertices of type output",
                "model.graph.outputs: misses output vertex 'flag'");
    }

    @Test
    void vertexThatNothingReadsIsNamed() {
        ConfigException e = problems(TWO_HEADS.replace("vertices = [", """
                vertices = [
                    { name = side, inputs = [input], type = dense, units = 4, activation = relu }
                """));
        assertMentions(e, "model.graph.vertices[0].name: 'side' is read by no vertex");
    }

    @Test
    void mergeOfShapesThatDoNotLineUpIsNamed() {
        ConfigException e = problems("""
                input { type = sequence, length = 5, features = 3 }
                graph {
                  vertices = [
                    { name = all, inputs = [input], type = lstm, units = 4, return-sequences = true }
                    { name = last, inputs = [input], type = lstm, units = 4 }
                    { name = both, inputs = [all, last], type = merge }
                    { name = out, inputs = [both], type = output, units = 2, activation = softmax, loss = cross-entropy }
                  ]
                  outputs = [out]
                }
                """);
        assertMentions(e, "model.graph.vertices[2].inputs: merge concatenates the last dimension",
                "got a sequence of 5 steps x 4, a flat vector of 4");
    }

    @Test
    void tokenInputCanOnlyFeedEmbeddings() {
        ConfigException e = problems("""
                input { type = sequence, length = 5 }
                graph {
                  vertices = [
                    { name = tokens, inputs = [input], type = embedding, vocab-size = 50, dimension = 8 }
                    { name = raw, inputs = [input], type = lstm, units = 4 }
                    { name = seq, inputs = [tokens], type = lstm, units = 4 }
                    { name = both, inputs = [seq, raw], type = merge }
                    { name = out, inputs = [both], type = output, units = 2, activation = softmax, loss = cross-entropy }
                  ]
                  outputs = [out]
                }
                """);
        assertMentions(e, "model.graph.vertices[1].inputs: reads 'input', which holds token indices");
    }

    @Test
    void layersThatCannotFollowEachOtherAreNamed() {
        ConfigException dense = problems("""
                input { type = sequence, length = 5, features = 2 }
                layers = [
                  { type = lstm, units = 4, return-sequences = true }
                  { type = dense, units = 4, activation = relu }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertMentions(dense, "model.layers[1].type: dense needs a flat or image input but gets a sequence of 5 steps x 4");
        ConfigException flatten = problems(STACK.replace("{ type = dense", "{ type = flatten }\n{ type = dense"));
        assertMentions(flatten, "model.layers[0].type: flatten needs an image input but gets a flat vector of 10");
        ConfigException conv = problems(STACK.replace("type = dense, units = 8", "type = conv2d, filters = 8, kernel = 3"));
        assertMentions(conv, "model.layers[0].type: conv2d needs an image input but gets a flat vector of 10");
    }

    @Test
    void layerInTheWrongPlaceOfAStackIsNamed() {
        ConfigException e = problems("""
                input { type = sequence, length = 5 }
                layers = [
                  { type = lstm, units = 4, return-sequences = true }
                  { type = embedding, vocab-size = 10, dimension = 4 }
                  { type = merge }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertMentions(e, "model.layers[1].type: an embedding reads token indices from the network input, so it must be the first layer",
                "model.layers[2].type: 'merge' joins several inputs and exists only in model.graph");
    }

    @Test
    void windowValuesAreChecked() {
        ConfigException e = problems("""
                input { type = image, height = 8, width = 8, channels = 1 }
                layers = [
                  { type = conv2d, filters = 2, kernel = [3, 3, 3], padding = full, activation = relu }
                  { type = avg-pool, kernel = 2, stride = 0 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertMentions(e, "model.layers[0].kernel: has 3 values; give one for both dimensions, or [height, width]",
                "model.layers[0].padding: is 'full'; allowed: same, valid",
                "model.layers[1].stride: is [0]; each value allowed: from 1 to 100000");
    }

    @Test
    void stackAndGraphTogetherAreRejected() {
        ConfigException e = problems(STACK + TWO_HEADS.replace("input { size = 10 }", ""));
        assertMentions(e, "model.graph: is given together with model.layers");
    }

    @Test
    void everyProblemOfAModelIsReportedAtOnce() {
        ConfigException e = problems("""
                input { type = image, height = 4, width = 4, channels = 1 }
                weight-init = glorot
                optimizer { type = sgd, schedule { type = step, decay = 0.5 } }
                layers = [
                  { type = conv2d, filters = 2, kernel = 5, activation = relu }
                  { type = pool, kernel = 2 }
                  { type = output, units = 3, activation = softmax, loss = cross-entropy, class-weights = [1, 2] }
                ]
                """);
        assertMentions(e, "model.weight-init: is 'glorot'", "model.optimizer.schedule.every: is required",
                "model.layers[0].kernel: kernel 5x5", "model.layers[1].type: is 'pool'",
                "model.layers[2].class-weights: has 2 weights");
        assertEquals(5, e.problems().size(), e.getMessage());
    }
}
