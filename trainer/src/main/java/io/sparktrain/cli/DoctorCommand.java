package io.sparktrain.cli;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.trainer.doctor.Doctor;
import io.sparktrain.trainer.doctor.DoctorChecks;
import io.sparktrain.trainer.doctor.DoctorReport;
import io.sparktrain.trainer.doctor.ReportTable;
import io.sparktrain.trainer.runtime.LazySparkSession;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/** {@code sparktrain doctor}: the checks of a train job, without training, as a table. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Check in seconds, without training, what makes DL4J on Spark fail or crawl hours into a job.",
            "",
            "Java version and module opens, ND4J's native backend, native threads vs cores, off-heap memory",
            "vs spark.executor.memoryOverhead and JavaCPP's limit, Kryo, inputs and output, Aeron (for",
            "gradient sharing), and a tiny Spark job on the executors themselves. Prints OK, WARN or FAIL",
            "with the fix for each; exits with 2 when anything FAILs. Takes train's arguments."
        },
        footer = {"", "Examples:",
            "  scripts/sparktrain doctor conf/mnist-mlp.conf",
            "  scripts/sparktrain doctor conf/mnist-mlp.conf --master spark://127.0.0.1:7077 --set train.strategy=sharing"})
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    private JobOptions job;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrainJobConfig config = job.load();
        SparkConf sparkConf = SparkSessions.forTrainJob(config, job.master);
        DoctorReport report;
        try (LazySparkSession spark = new LazySparkSession(sparkConf)) {
            report = new Doctor(new DoctorChecks(config, sparkConf, job.overwrite, job.resume).all(spark::context)).run();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("sparktrain doctor: " + config.source() + ", master " + sparkConf.get("spark.master") + ", strategy "
                + config.train().strategy());
        out.print(ReportTable.render(report));
        out.flush();
        return report.failed() ? SparktrainCli.EXIT_BAD_INPUT : 0;
    }
}
