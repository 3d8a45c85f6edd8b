package io.sparktrain.trainer.model;

import static io.sparktrain.trainer.model.Specs.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import io.sparktrain.config.ConfigException;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the train job checks between a network spec and the rest of the job, before Spark starts. */
class TrainJobSpecChecksTest {
    private static final String DATA = """
            data {
              train { images = a, labels = b }
              test { images = c, labels = d }
              labels = [zero, one]
            }
            """;

    private static TrainJobConfig load(String model) {
        return TrainJobConfigLoader.load("test.conf", ConfigFactory.parseString(DATA + "model {" + model + "}"), List.of());
    }

    @Test
    void convolutionalStackOnIdxImagesIsAccepted() {
        TrainJobConfig config = load("""
                input { type = image, height = 28, width = 28, channels = 1 }
                layers = [
                  { type = conv2d, filters = 8, kernel = 5, activation = relu }
                  { type = max-pool, kernel = 2 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """);
        assertEquals(784, config.model().inputSize(), "what the IDX check compares with the images");
    }

    @Test
    void graphWithOneOutputIsAccepted() {
        TrainJobConfig config = load("""
                input { size = 784 }
                graph {
                  vertices = [ { name = out, inputs = [input], type = output, units = 2, activation = softmax, loss = cross-entropy } ]
                  outputs = [out]
                }
                """);
        assertEquals(true, config.model().isGraph());
    }

    @Test
    void graphWithTwoOutputsIsRejectedForDataWithOneLabel() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Specs.TWO_HEADS.replace("size = 10", "size = 784")));
        assertMentions(e, "model.graph.outputs: names 2 outputs, but data.format 'idx' gives one label per example");
    }

    @Test
    void sequenceInputIsRejectedForImageData() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                input { type = sequence, length = 784 }
                layers = [
                  { type = lstm, units = 4 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """));
        assertMentions(e, "model.input.type: is sequence, but data.format 'idx' holds images");
    }
}
