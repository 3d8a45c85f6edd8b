package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.config.TrainSection;
import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.pipeline.batch.LabelSpec;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The training minibatches TrainingRun cuts from prepared rows, the same for the CLI and the estimators. */
@LocalSpark(threads = 2)
class TrainingRunTest {
    private static SparkSession spark;

    private static TrainSection train() {
        return TrainJobConfigLoader.load("test.conf", ConfigFactory.parseString("""
                data { format = csv, labels = [ham, spam], table { train = "t.csv", label = "y", features = ["x"] } }
                model {
                  input { size = 1 }
                  layers = [ { type = output, units = 2, activation = softmax, loss = cross-entropy } ]
                }
                train { batch-size = 32 }
                """), List.of()).train();
    }

    /** 1,000 rows as a folder per class reads them: 700 ham, then 300 spam, in 2 partitions. */
    private static Dataset<Row> groupedByClass() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(RowFactory.create(Vectors.dense(i), i < 700 ? 0.0 : 1.0));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).coalesce(2);
    }

    @Test
    void rowsGroupedByClassGiveMinibatchesOfBothClassesAndEveryRowOnce() {
        MiniBatcher batcher = new MiniBatcher(FeatureSpec.vector("features"), LabelSpec.classes("label", 2), 32);
        TrainingLoop.Data data = new TrainingRun(train(), 42, 1).data(batcher, groupedByClass(), 1000, Optional.empty(),
                List.of("ham", "spam"));
        // Per minibatch, worked out where it was built: examples, spam examples, sum of the features.
        List<double[]> minibatches = data.train().map(m -> new double[] {m.numExamples(),
                m.getLabels().getColumn(1).sumNumber().doubleValue(), m.getFeatures().sumNumber().doubleValue()}).collect();
        double rows = 0;
        double sum = 0;
        for (double[] minibatch : minibatches) {
            rows += minibatch[0];
            sum += minibatch[2];
            if (minibatch[0] == 32) {
                assertTrue(minibatch[1] > 0 && minibatch[1] < 32, "a minibatch of one class: " + minibatch[1] + " spam of 32");
            }
        }
        assertEquals(1000, rows);
        assertEquals(999 * 1000 / 2.0, sum, 1e-3, "every row exactly once");
    }
}
