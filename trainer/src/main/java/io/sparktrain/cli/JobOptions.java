package io.sparktrain.cli;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options train and doctor share, so that {@code sparktrain doctor} checks exactly the job
 * that {@code sparktrain train} with the same arguments would run.
 */
final class JobOptions {
    @Parameters(index = "0", paramLabel = "CONF", description = "job config file (HOCON), e.g. conf/mnist-mlp.conf")
    File configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a config key (repeatable), e.g. --set train.epochs=3 --set spark.conf.\"spark.ui.enabled\"=false")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://127.0.0.1:7077; overrides spark.master of the config"
                    + " (default: the config's, local[*])")
    String master;

    @Option(names = {"-o", "--output"}, paramLabel = "URI",
            description = "bundle directory on any Hadoop filesystem; same as --set output.bundle=URI")
    String output;

    @Option(names = "--overwrite", description = "replace an existing bundle (default: refuse and stop before training)")
    boolean overwrite;

    @Option(names = "--resume",
            description = "continue an interrupted run from the newest checkpoint in its bundle directory, up to the"
                    + " configured epochs (give the same CONF and overrides)")
    boolean resume;

    /** The config file with its overrides, {@code --output} included, loaded and validated. */
    TrainJobConfig load() {
        List<String> all = new ArrayList<>(overrides);
        if (output != null) {
            all.add("output.bundle=\"" + output + "\"");
        }
        return TrainJobConfigLoader.load(configFile, all);
    }
}
