package io.sparktrain.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.NetworkSpecReader;
import io.sparktrain.trainer.model.Shape;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a {@code train} job config: built-in defaults, then the user's HOCON file, then
 * {@code --set key=value} overrides; validates every key before any Spark work starts.
 */
public final class TrainJobConfigLoader {
    /** Defaults for every key, with comments; also the reference of what keys exist. */
    public static final String DEFAULTS_RESOURCE = "sparktrain-defaults.conf";

    public static final List<String> FORMATS = List.of("idx");

    private TrainJobConfigLoader() {
    }

    public static TrainJobConfig load(File file, List<String> overrides) {
        if (!file.isFile()) {
            throw new ConfigException(file.getPath(), List.of("file not found; pass a job config such as conf/mnist-mlp.conf"));
        }
        Config fileConfig;
        try {
            fileConfig = ConfigFactory.parseFile(file, ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(file.getPath(), List.of("is not valid HOCON: " + e.getMessage()));
        }
        return load(file.getPath(), fileConfig, overrides);
    }

    public static TrainJobConfig load(String source, Config fileConfig, List<String> overrides) {
        Config user = parseOverrides(source, overrides).withFallback(fileConfig);
        Config defaults = ConfigFactory.parseResources(TrainJobConfigLoader.class, "/" + DEFAULTS_RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
        Config merged;
        Config resolvedUser;
        try {
            merged = user.withFallback(defaults).resolve(ConfigResolveOptions.noSystem());
            resolvedUser = user.resolveWith(merged, ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(source, List.of(e.getMessage()));
        }
        return read(source, new ConfigReader(merged, resolvedUser), merged);
    }

    private static Config parseOverrides(String source, List<String> overrides) {
        Config result = ConfigFactory.empty();
        List<String> problems = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add("--set '" + override + "': expected key=value, e.g. --set train.epochs=3");
                continue;
            }
            String key = override.substring(0, eq).trim();
            String value = override.substring(eq + 1).trim();
            Config parsed;
            try {
                parsed = ConfigFactory.parseString(key + " = " + value);
            } catch (com.typesafe.config.ConfigException e) {
                // Not HOCON (e.g. a URI with ':'): take the text as a plain string.
                try {
                    parsed = ConfigFactory.empty().withValue(key, ConfigValueFactory.fromAnyRef(value));
                } catch (com.typesafe.config.ConfigException badKey) {
                    problems.add("--set '" + override + "': '" + key + "' is not a valid key path");
                    continue;
                }
            }
            result = parsed.withFallback(result);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return result;
    }

    private static TrainJobConfig read(String source, ConfigReader root, Config merged) {
        ConfigReader jobReader = root.section("job");
        JobSection job = new JobSection(jobReader.string("name"), jobReader.longInteger("seed"));

        ConfigReader sparkReader = root.section("spark");
        SparkSection spark = new SparkSection(sparkReader.string("master"), sparkReader.stringMap("conf"));

        DataSection data = readData(root.section("data"));
        Optional<NetworkSpec> model = NetworkSpecReader.read(root.section("model"));
        TrainSection train = TrainSectionReader.read(root.section("train"));
        OutputSection output = new OutputSection(root.section("output").string("bundle"));

        model.ifPresent(spec -> checkAcrossSections(root, data, spec));
        root.finish(source);
        return new TrainJobConfig(source, job, spark, data, model.orElseThrow(), train, output, merged);
    }

    private static DataSection readData(ConfigReader data) {
        String root = data.string("root");
        String fetch = data.optionalString("fetch", "");
        String format = data.oneOf("format", FORMATS);
        ConfigReader train = data.section("train");
        ConfigReader test = data.section("test");
        List<String> labels = data.stringList("labels");
        if (data.has("labels") && labels.size() < 2) {
            data.problem("labels", "has " + labels.size() + " class name(s); a classifier needs at least 2");
        }
        return new DataSection(root, fetch.isEmpty() ? Optional.empty() : Optional.of(fetch), format,
                new IdxPair(train.string("images"), train.string("labels")),
                new IdxPair(test.string("images"), test.string("labels")),
                labels, data.integer("partitions", 0, 100_000));
    }

    private static void checkAcrossSections(ConfigReader root, DataSection data, NetworkSpec model) {
        // The data sources give one label array per example so far: a graph must end in one output.
        if (model.isGraph() && model.outputs().size() != 1) {
            root.problem("model.graph.outputs", "names " + model.outputs().size() + " outputs, but data.format '"
                    + data.format() + "' gives one label per example; train a graph with one output");
            return;
        }
        if (model.input() instanceof Shape.Sequence) {
            root.problem("model.input.type", "is sequence, but data.format '" + data.format()
                    + "' holds images; use type flat or image");
        }
        if (data.labels().isEmpty()) {
            return;
        }
        int units = model.outputLayer().units();
        if (units != data.numClasses()) {
            root.problem(model.isGraph() ? "model.graph.outputs"
                            : "model.layers[" + (model.topology().layers().size() - 1) + "].units",
                    "is " + units + " but data.labels names " + data.numClasses()
                            + " classes; the output layer needs one unit per class");
        }
    }
}
