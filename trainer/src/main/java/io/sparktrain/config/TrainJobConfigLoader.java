package io.sparktrain.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.table.DeclaredSchema;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.LibSvmColumns;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.trainer.model.EmbeddingLayerSpec;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.OutputLayerSpec;
import io.sparktrain.trainer.model.Shape;
import io.sparktrain.trainer.model.Topology;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.types.StructType;

/**
 * Loads a {@code train} job config: built-in defaults, then the user's HOCON file, then
 * {@code --set key=value} overrides; validates every key before any Spark work starts.
 */
public final class TrainJobConfigLoader {
    /** Defaults for every key, with comments; also the reference of what keys exist. */
    public static final String DEFAULTS_RESOURCE = "sparktrain-defaults.conf";

    public static final List<String> FORMATS = List.of("idx", "csv", "json", "parquet", "libsvm", "text");

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
        Config defaults = defaults();
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

    /**
     * Reads the {@code model}, {@code train} and {@code job.seed} keys of a config text, with the
     * same defaults, overrides and key-naming errors as a job config; any other key is reported as unknown.
     *
     * @param source names the text in messages, e.g. {@code NetworkClassifier.spec}
     */
    public static NetworkTrainingConfig loadNetworkTraining(String source, String text, List<String> overrides) {
        Config parsed;
        try {
            parsed = ConfigFactory.parseString(text);
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(source, List.of("is not valid HOCON: " + e.getMessage()));
        }
        Config user = parseOverrides(source, overrides).withFallback(parsed);
        Config merged;
        try {
            merged = user.withFallback(defaults()).resolve(ConfigResolveOptions.noSystem());
            user = user.resolveWith(merged, ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(source, List.of(e.getMessage()));
        }
        ConfigReader root = new ConfigReader(merged, user);
        long seed = root.section("job").longInteger("seed");
        Optional<NetworkSpec> model = NetworkSpecReader.read(root.section("model"));
        TrainSection train = TrainSectionReader.read(root.section("train"));
        root.finish(source);
        return new NetworkTrainingConfig(source, model.orElseThrow(), train, seed);
    }

    /**
     * Reads a config recorded in a bundle: resolved when the bundle was trained, and validated then.
     * Its keys are checked for types and values again but not for being unknown, since a recorded
     * config holds the defaults of every section, including those its data format does not use.
     */
    public static TrainJobConfig loadRecorded(String source, Config recorded) {
        Config merged;
        try {
            merged = recorded.withFallback(defaults()).resolve(ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException(source, List.of(e.getMessage()));
        }
        return read(source, new ConfigReader(merged, ConfigFactory.empty()), merged);
    }

    private static Config defaults() {
        return ConfigFactory.parseResources(TrainJobConfigLoader.class, "/" + DEFAULTS_RESOURCE,
                ConfigParseOptions.defaults().setAllowMissing(false));
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

        DataSection data = readData(root.section("data"), root);
        Optional<NetworkSpec> model = NetworkSpecReader.read(root.section("model"));
        TrainSection train = TrainSectionReader.read(root.section("train"));
        OutputSection output = new OutputSection(root.section("output").string("bundle"));

        model.ifPresent(spec -> checkAcrossSections(root, data, spec));
        checkStoppingMetric(root, data, train);
        checkSharingPorts(root, spark, train);
        root.finish(source);
        return new TrainJobConfig(source, job, spark, data, model.orElseThrow(), train, output, merged);
    }

    private static DataSection readData(ConfigReader data, ConfigReader root) {
        String dataRoot = data.string("root");
        String fetch = data.optionalString("fetch", "");
        String format = data.oneOf("format", FORMATS);
        List<String> labels = data.stringList("labels");
        if (!labels.isEmpty() && labels.size() < 2) {
            data.problem("labels", "has " + labels.size() + " class name(s); a classifier needs at least 2");
        }
        DataInputs inputs;
        if (format.equals("idx")) {
            ConfigReader train = data.section("train");
            ConfigReader test = data.section("test");
            inputs = new DataInputs.Idx(new IdxPair(train.string("images"), train.string("labels")),
                    new IdxPair(test.string("images"), test.string("labels")));
            if (labels.isEmpty()) {
                data.problem("labels", "is required for idx data: the class names, e.g. [\"0\", \"1\", ...]");
            }
        } else if (format.equals("text")) {
            inputs = readText(data.section("text"));
            if (labels.size() < 2) {
                data.problem("labels", "is required for text data: the names of the class folders, e.g. [\"ham\", \"spam\"]");
            }
        } else {
            inputs = readTable(data.section("table"), root.section("pipeline"), format, labels.isEmpty());
        }
        return new DataSection(dataRoot, fetch.isEmpty() ? Optional.empty() : Optional.of(fetch), format, inputs,
                labels, data.integer("partitions", 0, 100_000));
    }

    /** Where test data comes from: {@code test}, a URI, or else {@code test-fraction} of the training data. */
    private record TestInput(Optional<String> uri, double fraction) {
        static TestInput read(ConfigReader section, String what) {
            String test = section.optionalString("test", "");
            double fraction = section.decimal("test-fraction", 0, 0.9);
            if (test.isEmpty() && fraction == 0) {
                section.problem("test-fraction", "is 0 and there is no " + section.path("test") + ": set test data or"
                        + " a fraction of the training " + what + " to hold out, e.g. 0.2");
            }
            return new TestInput(test.isEmpty() ? Optional.empty() : Optional.of(test), fraction);
        }
    }

    private static DataInputs.Text readText(ConfigReader text) {
        String train = text.string("train");
        TestInput test = TestInput.read(text, "documents");
        TextSection section = new TextSection(text.integer("vocab-size", 1, 1_000_000), text.integer("min-count", 1, 1_000_000),
                text.integer("sequence-length", 1, 100_000), text.bool("lowercase"), text.bool("skip-headers"),
                text.optionalString("column", ""), text.optionalString("label", "label"));
        return new DataInputs.Text(train, test.uri(), test.fraction(), section);
    }

    private static DataInputs.Table readTable(ConfigReader table, ConfigReader pipeline, String format,
            boolean regression) {
        String train = table.string("train");
        TestInput test = TestInput.read(table, "rows");
        boolean libsvm = format.equals("libsvm");
        // A LibSVM file names no columns: its features are f1..fN and its label is "label".
        int numFeatures = libsvm ? Math.max(1, table.integer("num-features", 1, 1_000_000)) : 0;
        if (libsvm) {
            for (String key : List.of("features", "label")) {
                if (table.has(key)) {
                    table.problem(key, "is not used for libsvm: the columns are label and f1..f" + numFeatures
                            + " (data.table.num-features); remove it");
                }
            }
        }
        List<String> features = libsvm ? LibSvmColumns.featureNames(numFeatures) : table.stringList("features");
        List<String> categorical = table.stringList("categorical");
        if (features.isEmpty() && categorical.isEmpty()) {
            table.problem("features", "is required: the numeric columns the network reads, e.g. [\"age\", \"income\"]"
                    + " (or name text columns in " + table.path("categorical") + ")");
        }
        List<OutputLabel> outputs = readOutputs(table, libsvm);
        String label = libsvm ? LibSvmColumns.LABEL : outputs.isEmpty() ? table.string("label") : "";
        List<String> labelColumns = outputs.isEmpty() ? List.of(label)
                : outputs.stream().map(OutputLabel::column).toList();
        for (String column : labelColumns) {
            if (features.contains(column) || categorical.contains(column)) {
                table.problem(features.contains(column) ? "features" : "categorical", "contains the label column '"
                        + column + "'; leave it out");
            }
        }
        List<String> both = features.stream().filter(categorical::contains).toList();
        if (!both.isEmpty()) {
            table.problem("categorical", "names " + both + ", which data.table.features names too; a column is either"
                    + " numeric or categorical");
        }
        String badRows = table.oneOf("bad-rows", BadRowPolicy.NAMES);
        // Each label is held to its role: a number to predict must be declared numeric.
        Map<String, Boolean> regressionByLabel = new LinkedHashMap<>();
        if (outputs.isEmpty()) {
            regressionByLabel.put(label, regression);
        }
        outputs.forEach(output -> regressionByLabel.putIfAbsent(output.column(), output.regression()));
        Optional<StructType> schema = declaredSchema(table, libsvm, declared -> regressionByLabel.entrySet().stream()
                .flatMap(l -> DeclaredSchema.roleProblems(declared, features, categorical, l.getKey(), l.getValue())
                        .stream())
                .distinct().toList());
        TableOptions options = new TableOptions(format, table.bool("header"), table.string("delimiter"),
                table.stringList("null-values"), table.bool("multi-line"), numFeatures, schema);
        FeaturePlan plan = PipelineSectionReader.read(pipeline, features, categorical);
        BadRowPolicy policy = BadRowPolicy.NAMES.contains(badRows) ? BadRowPolicy.of(badRows) : BadRowPolicy.ERROR;
        return new DataInputs.Table(train, test.uri(), test.fraction(), new TableSection(options, label, plan, policy,
                outputs));
    }

    /**
     * data.table.outputs: for a graph with several outputs, each output's label column and, for
     * classes, their names; empty when the key is not set (one label, data.table.label).
     */
    private static List<OutputLabel> readOutputs(ConfigReader table, boolean libsvm) {
        List<ConfigReader> entries = table.objectList("outputs");
        if (entries.isEmpty()) {
            return List.of();
        }
        if (libsvm) {
            table.problem("outputs", "is not used for libsvm: a LibSVM file holds one label; use csv, json or parquet");
            return List.of();
        }
        if (table.has("label")) {
            table.problem("label", "is set, and so is data.table.outputs; a network with several outputs learns the"
                    + " label columns data.table.outputs names: remove data.table.label");
        }
        List<OutputLabel> outputs = new ArrayList<>();
        for (ConfigReader entry : entries) {
            List<String> classes = entry.has("labels") ? entry.stringList("labels") : List.of();
            if (classes.size() == 1) {
                entry.problem("labels", "has 1 class name; a classifier needs at least 2 (leave labels out for a"
                        + " number to predict)");
            }
            outputs.add(new OutputLabel(entry.string("output"), entry.string("label"), classes));
        }
        return outputs;
    }


    /**
     * data.table.schema parsed and held against the roles the config gives its columns ({@code roleProblems});
     * empty when not set.
     */
    private static Optional<StructType> declaredSchema(ConfigReader table, boolean libsvm,
            Function<StructType, List<String>> roleProblems) {
        String ddl = table.optionalString("schema", "").strip();
        if (ddl.isEmpty()) {
            return Optional.empty();
        }
        if (libsvm) {
            table.problem("schema", "is not used for libsvm: the columns are label and f1..fN; remove it");
            return Optional.empty();
        }
        try {
            StructType schema = DeclaredSchema.parse(ddl);
            roleProblems.apply(schema).forEach(problem -> table.problem("schema", problem));
            return Optional.of(schema);
        } catch (IllegalArgumentException e) {
            table.problem("schema", e.getMessage());
            return Optional.empty();
        }
    }

    /** Text arrives as token sequences of data.text.sequence-length, indices below data.text.vocab-size + 2. */
    private static void checkTextInput(ConfigReader root, TextSection text, NetworkSpec model) {
        if (!(model.input() instanceof Shape.Sequence sequence)) {
            root.problem("model.input.type", "must be sequence for data.format 'text': documents arrive as token"
                    + " sequences; set model.input { type = sequence, length = " + text.sequenceLength() + " }");
            return;
        }
        if (sequence.length() != text.sequenceLength()) {
            root.problem("model.input.length", "is " + sequence.length() + " but data.text.sequence-length is "
                    + text.sequenceLength() + "; make them equal");
        }
        if (!model.isGraph() && model.topology().layers().get(0) instanceof EmbeddingLayerSpec embedding
                && embedding.vocabSize() < text.indexCount()) {
            root.problem("model.layers[0].vocab-size", "is " + embedding.vocabSize() + " but data.text.vocab-size "
                    + text.vocabSize() + " gives indices up to " + (text.indexCount() - 1) + " (0 pads, 1 is an unknown"
                    + " word); set it to at least " + text.indexCount());
        }
    }

    /**
     * The feature vector's width, where the config decides it (numeric columns plus indicators; a
     * categorical column's width is known only once the pipeline is fitted, where the job checks it),
     * and what the imbalance method needs of the labels and the output layer.
     */
    private static void checkTableInput(ConfigReader root, FeaturePlan plan, NetworkSpec model, DataSection data) {
        int width = plan.columns().size() + plan.missing().indicators().size();
        if (plan.categorical().isEmpty() && model.inputSize() != width) {
            root.problem("model.input.size", "is " + model.inputSize() + " but data.table.features names "
                    + plan.columns().size() + " columns" + (plan.missing().indicators().isEmpty() ? ""
                            : " and pipeline.indicators adds " + plan.missing().indicators().size())
                    + "; set model.input.size = " + width);
        }
        String method = plan.imbalance().method();
        if (plan.imbalance().enabled() && !multiOutputs(data).isEmpty()) {
            root.problem("pipeline.imbalance.method", "is '" + method + "', which rebalances the classes of one label;"
                    + " a network with several outputs (data.table.outputs) trains on the rows as they are: set it to none");
        } else if (plan.imbalance().enabled() && data.regression()) {
            root.problem("pipeline.imbalance.method", "is '" + method + "', but data.labels is empty, so the label is"
                    + " a number to predict; class rebalancing needs classes: set it to none or name the classes");
        }
        if (method.equals("class-weights") && !data.regression()) {
            OutputLayerSpec output = model.outputLayer();
            if (output.units() != data.numClasses()) {
                root.problem("pipeline.imbalance.method", "is class-weights, which weighs each output unit's loss, but"
                        + " the output layer has " + output.units() + " unit(s) for " + data.numClasses()
                        + " classes; use one softmax unit per class with loss cross-entropy");
            } else if (!output.classWeights().isEmpty()) {
                root.problem("pipeline.imbalance.method", "is class-weights, which fits the output layer's class"
                        + " weights on the training rows, but the output layer sets class-weights too; keep one");
            }
        }
    }

    private static void checkStoppingMetric(ConfigReader root, DataSection data, TrainSection train) {
        if (!multiOutputs(data).isEmpty()) {
            // Each output has metrics of its own; the validation loss is the one number for the whole network.
            boolean watched = train.earlyStopping().enabled() || train.validationFraction() > 0;
            if (watched && train.earlyStopping().metric() != Metric.LOSS) {
                root.problem("train.early-stopping.metric", "is '" + train.earlyStopping().metric() + "', but a network"
                        + " with several outputs (data.table.outputs) is watched by its validation loss; set it to loss");
            }
            return;
        }
        TaskChecks.stoppingMetric(train.earlyStopping(), Task.of(data.regression()))
                .ifPresent(problem -> root.problem("train.early-stopping.metric", problem));
    }

    /** Every executor the job's Spark properties allow needs a port at most 65535 (the driver checks again at run time). */
    private static void checkSharingPorts(ConfigReader root, SparkSection spark, TrainSection train) {
        if (train.strategy() == Strategy.SHARING && !spark.master().startsWith("local")) {
            ExecutorLimit.of(spark.conf()).flatMap(train.sharing()::portRangeProblem)
                    .ifPresent(problem -> root.problem("train.sharing.port", problem));
        }
    }

    private static void checkAcrossSections(ConfigReader root, DataSection data, NetworkSpec model) {
        List<OutputLabel> outputs = multiOutputs(data);
        boolean several = model.outputs().size() != 1 || !outputs.isEmpty();
        if (several && !outputsMatch(root, data, model, outputs)) {
            return;
        }
        data.text().ifPresentOrElse(text -> checkTextInput(root, text.section(), model), () -> {
            if (model.input() instanceof Shape.Sequence) {
                root.problem("model.input.type", "is sequence, but data.format '" + data.format()
                        + "' holds images or numeric columns; use type flat or image");
            }
        });
        data.table().filter(table -> table.section().features() != null).ifPresent(table -> {
            FeaturePlan plan = table.section().features();
            checkTableInput(root, plan, model, data);
        });
        if (several) {
            for (int i = 0; i < outputs.size(); i++) {
                checkUnits(root, "model.graph.outputs[" + i + "] (" + outputs.get(i).output() + ")",
                        model.outputs().get(i), outputs.get(i).classes(), "data.table.outputs[" + i + "].labels");
            }
            return;
        }
        String unitsKey = model.isGraph() ? "model.graph.outputs"
                : "model.layers[" + (model.topology().layers().size() - 1) + "].units";
        checkUnits(root, unitsKey, model.outputLayer(), data.labels(), "data.labels");
    }

    private static List<OutputLabel> multiOutputs(DataSection data) {
        return data.table().map(table -> table.section().outputs()).orElse(List.of());
    }

    /**
     * A graph with several outputs needs a table naming each output's label in data.table.outputs,
     * one entry per output, in the graph's output order; whether they match.
     */
    private static boolean outputsMatch(ConfigReader root, DataSection data, NetworkSpec model,
            List<OutputLabel> outputs) {
        if (outputs.isEmpty()) {
            root.problem("model.graph.outputs", "names " + model.outputs().size() + " outputs, but data.format '"
                    + data.format() + "' gives one label per example; train a graph with one output"
                    + (data.table().isPresent() ? ", or name each output's label column in data.table.outputs" : ""));
            return false;
        }
        List<String> names = model.topology() instanceof Topology.Graph graph ? graph.outputNames() : List.of();
        List<String> labelled = outputs.stream().map(OutputLabel::output).toList();
        if (names.size() < 2) {
            root.problem("data.table.outputs", "names the labels of outputs " + labelled + ", but the network has one"
                    + " output; for one output set data.table.label instead, or give model.graph several outputs");
            return false;
        }
        if (!names.equals(labelled)) {
            root.problem("data.table.outputs", "names outputs " + labelled + ", but model.graph.outputs is " + names
                    + "; give one entry per output, in that order");
            return false;
        }
        if (!data.labels().isEmpty()) {
            root.problem("data.labels", "is " + data.labels() + ", but with data.table.outputs each output names its own"
                    + " classes (data.table.outputs[i].labels); remove data.labels");
        }
        return true;
    }

    private static void checkUnits(ConfigReader root, String unitsKey, OutputLayerSpec output, List<String> classes,
            String classesKey) {
        TaskChecks.outputUnits(output, Task.of(classes.isEmpty()), classes.size(), classesKey)
                .ifPresent(problem -> root.problem(unitsKey, problem));
    }
}
