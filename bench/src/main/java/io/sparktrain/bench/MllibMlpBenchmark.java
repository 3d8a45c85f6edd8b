package io.sparktrain.bench;

import io.sparktrain.config.SparkSection;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark MLlib peer of the training benchmark: {@code MultilayerPerceptronClassifier} with the
 * layer sizes of conf/mnist-mlp.conf (784-256-256-10) on the same MNIST files, read by the same IDX
 * reader, on Spark local[N]. MLlib trains full-batch with L-BFGS and reports nothing per iteration,
 * so each budget of iterations is a fit of its own from the same seed: the seconds of each fit and
 * its test accuracy give the time to MLlib's best accuracy.
 */
public final class MllibMlpBenchmark {
    private MllibMlpBenchmark() {
    }

    /** Args: MNIST_DIR SPARK_THREADS SEED ITERATIONS...; prints one JSON object. */
    public static void main(String[] args) {
        String mnist = args[0];
        int threads = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        List<Integer> budgets = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            budgets.add(Integer.parseInt(args[i]));
        }
        SparkSession session = SparkSessions.start(SparkSessions.sparkConf("mllib-mlp-benchmark",
                "local[" + threads + "]", new SparkSection("local[" + threads + "]", Map.of("spark.ui.enabled", "false"))));
        List<String> fits = new ArrayList<>();
        try {
            IdxImageSource source = new IdxImageSource(session);
            Dataset<Row> train = source.read(mnist + "/train-images-idx3-ubyte", mnist + "/train-labels-idx1-ubyte",
                    threads).cache();
            Dataset<Row> test = source.read(mnist + "/t10k-images-idx3-ubyte", mnist + "/t10k-labels-idx1-ubyte",
                    threads).cache();
            long examples = train.count();
            test.count();
            MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator()
                    .setLabelCol(IdxImageSource.LABEL_COL).setMetricName("accuracy");
            for (int iterations : budgets) {
                MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier()
                        .setLayers(new int[] {784, 256, 256, 10}).setBlockSize(128).setMaxIter(iterations)
                        .setSeed(seed).setFeaturesCol(IdxImageSource.FEATURES_COL).setLabelCol(IdxImageSource.LABEL_COL);
                long start = System.nanoTime();
                MultilayerPerceptronClassificationModel model = mlp.fit(train);
                double seconds = (System.nanoTime() - start) / 1e9;
                double testAccuracy = accuracy.evaluate(model.transform(test));
                System.err.printf("mllib: %d iterations, %.1f s, test accuracy %.4f%n", iterations, seconds,
                        testAccuracy);
                fits.add(String.format("{\"iterations\": %d, \"fit_seconds\": %.3f, \"accuracy\": %.4f,"
                        + " \"examples_per_s\": %.1f}", iterations, seconds, testAccuracy,
                        examples * (double) iterations / seconds));
            }
        } finally {
            session.stop();
        }
        System.out.println("{\"threads\": " + threads + ", \"fits\": [" + String.join(", ", fits) + "]}");
    }
}
