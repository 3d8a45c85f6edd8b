package io.sparktrain.cli;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.trainer.job.TrainJob;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparktrain train}: the options of the train job; the work is {@link TrainJob}'s. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Train a network on Spark as a job config describes and write a model bundle.",
            "",
            "Evaluates on the test data after every epoch and prints one line per epoch. The bundle holds",
            "network.zip (DL4J, with updater state) and bundle.json (config, versions, history, metrics).",
            "The config is validated before Spark starts; every problem is reported with its key."
        },
        footer = {"", "Examples:",
            "  scripts/sparktrain train conf/mnist-mlp.conf",
            "  scripts/sparktrain train conf/mnist-mlp.conf --set train.epochs=2 --set train.strategy=local",
            "  scripts/sparktrain train conf/mnist-mlp.conf --master spark://127.0.0.1:7077 --overwrite",
            "", "Every key and its default: trainer/src/main/resources/sparktrain-defaults.conf"})
final class TrainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONF", description = "job config file (HOCON), e.g. conf/mnist-mlp.conf")
    private File configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a config key (repeatable), e.g. --set train.epochs=3 --set spark.conf.\"spark.ui.enabled\"=false")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://127.0.0.1:7077; overrides spark.master of the config"
                    + " (default: the config's, local[*])")
    private String master;

    @Option(names = {"-o", "--output"}, paramLabel = "URI",
            description = "bundle directory on any Hadoop filesystem; same as --set output.bundle=URI")
    private String output;

    @Option(names = "--overwrite", description = "replace an existing bundle (default: refuse and stop before training)")
    private boolean overwrite;

    @Option(names = "--resume",
            description = "continue an interrupted run from the newest checkpoint in its bundle directory, up to the"
                    + " configured epochs (give the same CONF and overrides)")
    private boolean resume;

    @Option(names = "--check", description = "validate the config and the input files, then exit without training")
    private boolean checkOnly;

    @Override
    public Integer call() {
        List<String> all = new ArrayList<>(overrides);
        if (output != null) {
            all.add("output.bundle=\"" + output + "\"");
        }
        TrainJobConfig config = TrainJobConfigLoader.load(configFile, all);
        new TrainJob(config, new TrainJob.Options(master, overwrite, resume, checkOnly)).run();
        return 0;
    }
}
