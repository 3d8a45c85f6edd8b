package io.sparktrain.cli;

import io.sparktrain.trainer.job.TrainJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparktrain train}: the options of the train job; the work is {@link TrainJob}'s. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Train a network on Spark as a job config describes and write a model bundle.",
            "",
            "Evaluates on the test data after every epoch and prints one line per epoch. The bundle holds",
            "network.zip (DL4J, with updater state) and bundle.json (config, versions, history, metrics).",
            "The config is validated before Spark starts; every problem is reported with its key.",
            "The checks of 'sparktrain doctor' run before training; a FAIL stops the job with their table."
        },
        footer = {"", "Examples:",
            "  scripts/sparktrain train conf/mnist-mlp.conf",
            "  scripts/sparktrain train conf/mnist-mlp.conf --set train.epochs=2 --set train.strategy=local",
            "  scripts/sparktrain train conf/mnist-mlp.conf --master spark://127.0.0.1:7077 --overwrite",
            "", "Every key and its default: trainer/src/main/resources/sparktrain-defaults.conf"})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    private JobOptions job;

    @Option(names = "--check", description = "validate the config and the input files, then exit without training")
    private boolean checkOnly;

    @Option(names = "--skip-checks",
            description = "train even if the checks of 'sparktrain doctor' report a FAIL (they run before training)")
    private boolean skipChecks;

    @Override
    public Integer call() {
        new TrainJob(job.load(), new TrainJob.Options(job.master, job.overwrite, job.resume, checkOnly, skipChecks)).run();
        return 0;
    }
}
