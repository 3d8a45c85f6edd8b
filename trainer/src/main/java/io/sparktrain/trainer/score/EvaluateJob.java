package io.sparktrain.trainer.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.trainer.bundle.BundleReader.LoadedBundle;
import io.sparktrain.trainer.bundle.BundleReader;
import io.sparktrain.trainer.runtime.LazySparkSession;
import io.sparktrain.trainer.runtime.Progress;
import io.sparktrain.trainer.runtime.SparkSessions;
import io.sparktrain.trainer.runtime.Steps;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code evaluate} job: a bundle's pipeline applied to labelled data, the metrics computed on
 * the executors, printed as a table and written as {@value #REPORT_FILE} into a report folder
 * (with the rejected rows, if any, under {@code rejects/}).
 */
public final class EvaluateJob {
    public static final String REPORT_FILE = "evaluation.json";

    /** @param labels IDX bundles: the labels file of the images (required) */
    public record Options(String bundle, String input, String labels, String report, boolean overwrite, String master,
            Map<String, String> sparkConf) {
        public Options {
            sparkConf = Map.copyOf(sparkConf);
        }
    }

    /**
     * What {@value #REPORT_FILE} holds.
     *
     * @param metrics an {@link Evaluation.Classification} or an {@link Evaluation.Regression}
     */
    public record Report(String bundle, String input, long rowsIn, long evaluated, long rejected, Object metrics) {}

    private final Options options;
    private final Progress progress = new Progress(0);

    public EvaluateJob(Options options) {
        this.options = options;
    }

    public Report run() {
        SparkConf conf = BundleJobConf.of("evaluate", options.master(), options.sparkConf());
        Configuration hadoop = SparkSessions.hadoopConf(conf);
        BundleReader.open(options.bundle(), hadoop).requireOneOutput("evaluate");
        OutputTarget report = new OutputTarget(options.report(), hadoop);
        report.refuseExisting(options.overwrite());
        try (LazySparkSession spark = new LazySparkSession(conf)) {
            return evaluate(spark.session(), hadoop, report);
        }
    }

    private Report evaluate(SparkSession spark, Configuration hadoop, OutputTarget target) {
        LoadedBundle bundle = BundleReader.load(options.bundle(), hadoop);
        ScoreInput input = ScoreInputs.read(spark, bundle, options.input(), options.labels(), true);
        String label = input.label().orElseThrow();
        Dataset<Row> scored = bundle.pipeline().transform(input.rows());
        Steps steps = new Steps(JavaSparkContext.fromSparkContext(spark.sparkContext()), progress);
        Object metrics = steps.run("evaluate " + options.input(), () -> bundle.regression()
                ? Evaluation.regression(scored, label) : Evaluation.classification(scored, label, bundle.labels()));
        long evaluated = metrics instanceof Evaluation.Classification c ? c.examples()
                : ((Evaluation.Regression) metrics).examples();
        target.create(options.overwrite());
        input.rejects().ifPresent(r -> RejectsWriter.write(r, target.uri() + "/rejects"));
        Report report = new Report(bundle.uri(), options.input(), input.rowsIn(), evaluated, input.rejected(), metrics);
        target.writeFile(REPORT_FILE, json(report));
        List<String> lines = metrics instanceof Evaluation.Classification c ? Evaluation.lines(c)
                : Evaluation.lines((Evaluation.Regression) metrics);
        lines.forEach(progress::info);
        progress.info(String.format("rows in %,d = evaluated %,d + rejected %,d; report in %s", input.rowsIn(),
                evaluated, input.rejected(), target.uri()));
        if (input.rowsIn() != evaluated + input.rejected()) {
            throw new IllegalStateException("rows were lost while evaluating " + options.input() + ": " + input.rowsIn()
                    + " read, " + evaluated + " evaluated, " + input.rejected() + " rejected");
        }
        return report;
    }

    private static String json(Report report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
