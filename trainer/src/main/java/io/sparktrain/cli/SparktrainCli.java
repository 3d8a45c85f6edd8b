package io.sparktrain.cli;

import io.sparktrain.config.ConfigException;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.trainer.bundle.BundleException;
import io.sparktrain.trainer.bundle.BundleExistsException;
import io.sparktrain.trainer.bundle.Versions;
import io.sparktrain.trainer.doctor.ChecksFailedException;
import io.sparktrain.trainer.engine.NativeBuild;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of every sparktrain job, both from {@code scripts/sparktrain} and as the
 * {@code --class} of {@code spark-submit}.
 */
@Command(name = "sparktrain",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        versionProvider = SparktrainCli.VersionProvider.class,
        description = {
            "Train DL4J neural networks data-parallel on Apache Spark, from HOCON job configs.",
            "",
            "Run a job with: sparktrain JOB [OPTIONS]; every job has --help."
        },
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, ReportCommand.class, DoctorCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  scripts/sparktrain train conf/mnist-mlp.conf",
            "  scripts/sparktrain train conf/mnist-mlp.conf --set train.epochs=3 --master local[2]",
            "  scripts/sparktrain score --bundle work/bundles/mnist-mlp --input data/mnist/t10k-images-idx3-ubyte"
                    + " --output work/scores/mnist",
            "  scripts/sparktrain doctor conf/mnist-mlp.conf",
            "  spark-submit --class io.sparktrain.cli.SparktrainCli sparktrain-trainer-all.jar train job.conf"})
public final class SparktrainCli implements Runnable {
    /** Exit code of a job stopped by bad input (config, data, existing output): fix and rerun. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // Before anything loads ND4J: the fastest native build for this CPU, and DL4J's oneDNN helpers.
        NativeBuild.select();
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting the JVM. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #execute(String...)}, with help and errors going to the given writers. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return commandLine().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine commandLine() {
        return new CommandLine(new SparktrainCli()).setExecutionExceptionHandler(SparktrainCli::handle);
    }

    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof ConfigException || e instanceof DataSourceException || e instanceof BundleExistsException
                || e instanceof BundleException
                || e instanceof ChecksFailedException) {
            commandLine.getErr().println("sparktrain: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        commandLine.getErr().println("sparktrain: " + commandLine.getCommandName() + " failed: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = Versions.buildProperties();
            return new String[] {
                "sparktrain " + build.getProperty("sparktrain.version"),
                "built with DL4J " + build.getProperty("dl4j.version") + ", Spark " + build.getProperty("spark.version"),
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
