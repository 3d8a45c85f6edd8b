package io.sparktrain.trainer.score;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.trainer.bundle.BundleReader.LoadedBundle;
import io.sparktrain.trainer.bundle.BundleReader;
import io.sparktrain.trainer.runtime.LazySparkSession;
import io.sparktrain.trainer.runtime.Progress;
import io.sparktrain.trainer.runtime.SparkSessions;
import io.sparktrain.trainer.runtime.Steps;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code score} job: a bundle's pipeline (preparation stages and network) applied to data
 * where it lives, predictions written back through Spark's commit protocol (nothing is presented
 * as complete unless the whole job committed). Every input row is accounted for: rows in =
 * scored + rejected, checked after writing, printed, and stored next to the predictions.
 */
public final class ScoreJob {
    /** Output formats for predictions. */
    public static final List<String> FORMATS = List.of("parquet", "csv", "json");

    /**
     * @param labels    IDX bundles: labels file to pass through, or null
     * @param format    parquet, csv or json
     * @param sparkConf extra Spark properties, e.g. spark.hadoop.fs.s3a.endpoint
     */
    public record Options(String bundle, String input, String labels, String output, String format, boolean overwrite,
            String master, Map<String, String> sparkConf) {
        public Options {
            if (!FORMATS.contains(format)) {
                throw new IllegalArgumentException("--format " + format + " is not one of " + FORMATS);
            }
            sparkConf = Map.copyOf(sparkConf);
        }
    }

    /** What was read, written and left out. */
    public record Result(String output, String rejects, long rowsIn, long scored, long rejected) {}

    private final Options options;
    private final Progress progress = new Progress(0);

    public ScoreJob(Options options) {
        this.options = options;
    }

    public Result run() {
        SparkConf conf = BundleJobConf.of("score", options.master(), options.sparkConf());
        Configuration hadoop = SparkSessions.hadoopConf(conf);
        BundleReader.open(options.bundle(), hadoop).requireOneOutput("score");
        OutputTarget output = new OutputTarget(options.output(), hadoop);
        OutputTarget rejectsTarget = new OutputTarget(options.output() + ".rejects", hadoop);
        output.refuseExisting(options.overwrite());
        rejectsTarget.refuseExisting(options.overwrite());
        try (LazySparkSession spark = new LazySparkSession(conf)) {
            return score(spark.session(), hadoop, output, rejectsTarget);
        }
    }

    /** The rows the write counted as they went out; available once the write has finished. */
    private static long rowsWritten(Observation written) {
        try {
            return ((Number) written.getAsJava().get("rows")).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the count of rows written", e);
        }
    }

    private Result score(SparkSession spark, Configuration hadoop, OutputTarget output, OutputTarget rejectsTarget) {
        Steps steps = new Steps(JavaSparkContext.fromSparkContext(spark.sparkContext()), progress);
        LoadedBundle bundle = BundleReader.load(options.bundle(), hadoop);
        ScoreInput input = ScoreInputs.read(spark, bundle, options.input(), options.labels(), false);
        progress.info(String.format("scoring %,d rows of %s with %s (%s)", input.rowsIn(), options.input(),
                bundle.uri(), bundle.regression() ? "regression" : "classes " + bundle.labels()));

        Dataset<Row> predictions = PredictionTable.select(bundle.pipeline().transform(input.rows()), input, bundle);
        Observation written = new Observation("scored");
        Dataset<Row> observed = predictions.observe(written, count(lit(1)).as("rows"));
        steps.run("score and write predictions", () -> {
            observed.write().mode(options.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                    .format(options.format()).option("header", true).save(output.uri());
            return null;
        });
        long scored = rowsWritten(written);
        input.rejects().ifPresent(r -> RejectsWriter.write(r, rejectsTarget.uri()));
        Result result = new Result(output.uri(), input.rejected() > 0 ? rejectsTarget.uri() : null, input.rowsIn(),
                scored, input.rejected());
        ScoreSummary.write(output, result);
        progress.info(ScoreSummary.line(result));
        if (result.rowsIn() != result.scored() + result.rejected()) {
            throw new IllegalStateException(ScoreSummary.line(result) + ": rows were lost; the input changed while it"
                    + " was scored, or this is a bug");
        }
        return result;
    }
}
