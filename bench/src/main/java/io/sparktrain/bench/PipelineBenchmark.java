package io.sparktrain.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.config.SparkSection;
import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.check.CheckSpec;
import io.sparktrain.pipeline.check.TableCheck;
import io.sparktrain.pipeline.table.ClipPlan;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.ImbalancePlan;
import io.sparktrain.pipeline.table.MissingPlan;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Data-pipeline throughput, in one process, on a generated CSV table (8 numeric columns with 5%
 * missing cells, one categorical column, a 20% minority label): sparktrain's path (TableReader,
 * the row check, FeaturePipeline fitted and applied) against the same steps written directly with
 * plain Spark ML (read, cast, Imputer, VectorAssembler, StandardScaler, StringIndexer,
 * OneHotEncoder, VectorAssembler). Both end in Spark's {@code noop} sink; medians of the repetitions.
 */
public final class PipelineBenchmark {
    private static final List<String> NUMERIC = IntStream.rangeClosed(1, 8).mapToObj(i -> "x" + i).toList();

    private PipelineBenchmark() {
    }

    /** Args: ROWS REPETITIONS WORK_DIR; prints one JSON object. */
    public static void main(String[] args) {
        long rows = Long.parseLong(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        String csv = args[2] + "/pipeline-bench.csv";
        SparkSession spark = SparkSessions.start(SparkSessions.sparkConf("pipeline-benchmark", "local[2]",
                new SparkSection("local[2]", Map.of("spark.ui.enabled", "false", "spark.sql.shuffle.partitions", "2"))));
        try {
            generate(spark, rows, csv);
            List<Double> sparktrain = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            sparktrain(spark, csv);
            plain(spark, csv);
            for (int i = 0; i < repetitions; i++) {
                sparktrain.add(rows / sparktrain(spark, csv));
                plain.add(rows / plain(spark, csv));
            }
            System.out.println(String.format("{\"rows\": %d, \"sparktrain_rows_per_s\": %s, \"plain_spark_ml_rows_per_s\": %s,"
                    + " \"sparktrain_median\": %.1f, \"plain_median\": %.1f, \"pipeline_ratio_vs_plain_spark_ml\": %.3f}",
                    rows, sparktrain, plain, Medians.of(sparktrain), Medians.of(plain), Medians.of(sparktrain) / Medians.of(plain)));
        } finally {
            spark.stop();
        }
    }

    private static void generate(SparkSession spark, long rows, String csv) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < NUMERIC.size(); i++) {
            columns.add(when(rand(i).lt(0.05), lit(null)).otherwise(rand(100 + i).multiply(i + 1)).as(NUMERIC.get(i)));
        }
        columns.add(when(rand(50).lt(0.5), lit("a")).when(rand(51).lt(0.5), lit("b")).otherwise(lit("c")).as("cat"));
        columns.add(when(rand(60).lt(0.2), lit("bad")).otherwise(lit("good")).as("status"));
        spark.range(rows).select(columns.toArray(Column[]::new)).repartition(2).write().mode("overwrite")
                .option("header", true).csv(csv);
    }

    /** Seconds for read, check, fit and transform the sparktrain way. */
    private static double sparktrain(SparkSession spark, String csv) {
        long start = System.nanoTime();
        Dataset<Row> read = new TableReader(spark).read(csv, new TableOptions("csv", true, ",", List.of("NA"), false));
        Dataset<Row> kept = new TableCheck(new CheckSpec(NUMERIC, Optional.of("status"), List.of("good", "bad"),
                BadRowPolicy.ERROR, true)).check(read, csv).kept();
        FeaturePlan plan = new FeaturePlan(NUMERIC, List.of("cat"), MissingPlan.of("median"), ClipPlan.NONE,
                "standard", "one-hot", ImbalancePlan.NONE);
        FeaturePipeline.of(plan).fit(kept).transform(kept).write().format("noop").mode("overwrite").save();
        kept.unpersist();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for the same steps with Spark ML alone. */
    private static double plain(SparkSession spark, String csv) {
        long start = System.nanoTime();
        Dataset<Row> read = spark.read().option("header", true).csv(csv);
        List<Column> typed = new ArrayList<>();
        NUMERIC.forEach(c -> typed.add(col(c).cast(DataTypes.DoubleType).as(c)));
        typed.add(col("cat"));
        typed.add(col("status"));
        Dataset<Row> table = read.select(typed.toArray(Column[]::new)).cache();
        String[] imputed = NUMERIC.stream().map(c -> c + "_imputed").toArray(String[]::new);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new Imputer().setStrategy("median").setInputCols(NUMERIC.toArray(String[]::new)).setOutputCols(imputed),
            new VectorAssembler().setInputCols(imputed).setOutputCol("numeric").setHandleInvalid("keep"),
            new StandardScaler().setInputCol("numeric").setOutputCol("scaled").setWithMean(true),
            new StringIndexer().setInputCol("cat").setOutputCol("cat_index").setHandleInvalid("keep"),
            new OneHotEncoder().setInputCols(new String[] {"cat_index"}).setOutputCols(new String[] {"cat_onehot"})
                    .setDropLast(false),
            new VectorAssembler().setInputCols(new String[] {"scaled", "cat_onehot"}).setOutputCol("features")});
        pipeline.fit(table).transform(table).write().format("noop").mode("overwrite").save();
        table.unpersist();
        return (System.nanoTime() - start) / 1e9;
    }
}
