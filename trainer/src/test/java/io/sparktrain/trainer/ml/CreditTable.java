package io.sparktrain.trainer.ml;

import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.NumericColumns;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.pipeline.testing.TestData;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The real credit_data table (R modeldata: 4,454 applicants, missing cells, 28% bad) and the
 * project's preprocessing stages in front of a network: what the estimator tests train on.
 */
final class CreditTable {
    static final List<String> NUMERIC = List.of("Seniority", "Time", "Age", "Expenses", "Income", "Assets", "Debt",
            "Amount", "Price");

    /** A 9-32-2 softmax MLP; the test sets strategy, epochs and work folder. */
    static final String SPEC = """
            model {
              input { size = 9 }
              layers = [
                { type = dense, units = 32, activation = relu }
                { type = output, units = 2, activation = softmax, loss = cross-entropy }
              ]
              optimizer { type = adam, learning-rate = 0.005 }
            }
            train { batch-size = 32 }
            """;

    private CreditTable() {
    }

    static Dataset<Row> read(SparkSession spark) {
        String uri = TestData.dataset("credit", "credit_data.csv").toURI().toString();
        Dataset<Row> raw = new TableReader(spark).read(uri, new TableOptions("csv", true, ",", List.of("NA"), false));
        return NumericColumns.asDoubles(raw, NUMERIC, uri, "columns").filter("Status is not null");
    }

    /**
     * 80% to train, 20% to test, drawn by seed in file order (Spark's randomSplit would sort the
     * rows, and minibatches of one class train badly).
     */
    static HoldOut.Parts split(SparkSession spark) {
        return new HoldOut(0.2, 7).split(read(spark));
    }

    /** Status (good/bad) indexed by frequency: good = 0, bad = 1, the positive class of Spark's binary evaluator. */
    static Pipeline pipeline(NetworkEstimator network) {
        StringIndexer label = new StringIndexer().setInputCol("Status").setOutputCol("label");
        Pipeline features = FeaturePipeline.of(new FeaturePlan(NUMERIC, "median", "standard"));
        return new Pipeline().setStages(new PipelineStage[] {label, features, network});
    }

    static String spec(String workDir) {
        return SPEC + "train.averaging.work-dir = \"" + workDir + "\"\n";
    }
}
