package io.sparktrain.trainer.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import io.sparktrain.config.ConfigException;
import io.sparktrain.config.ConfigReader;
import io.sparktrain.config.NetworkSpecReader;
import io.sparktrain.config.TrainJobConfigLoader;
import java.util.Optional;

/** Reads a {@code model} section written in HOCON the way a job config's is: over the shipped defaults. */
public final class Specs {
    /** A graph: a shared trunk with two heads, on 10 features. */
    static final String TWO_HEADS = """
            input { size = 10 }
            graph {
              vertices = [
                { name = trunk, inputs = [input], type = dense, units = 8, activation = relu }
                { name = digit, inputs = [trunk], type = output, units = 3, activation = softmax, loss = cross-entropy }
                { name = flag, inputs = [trunk], type = output, units = 1, activation = sigmoid, loss = binary-cross-entropy }
              ]
              outputs = [digit, flag]
            }
            """;

    private Specs() {
    }

    /** @param model the body of the {@code model} section */
    public static NetworkSpec parse(String model) {
        Config user = ConfigFactory.parseString(model).atPath("model");
        Config defaults = ConfigFactory.parseResources(TrainJobConfigLoader.class,
                "/" + TrainJobConfigLoader.DEFAULTS_RESOURCE, ConfigParseOptions.defaults().setAllowMissing(false));
        Config merged = user.withFallback(defaults).resolve(ConfigResolveOptions.noSystem());
        ConfigReader root = new ConfigReader(merged, user);
        Optional<NetworkSpec> spec = NetworkSpecReader.read(root.section("model"));
        root.finish("test.conf");
        return spec.orElseThrow();
    }

    static ConfigException problems(String model) {
        return assertThrows(ConfigException.class, () -> parse(model));
    }

    static void assertMentions(ConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in:\n" + e.getMessage());
        }
    }
}
