package io.sparktrain.trainer.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Evaluates a network on the executors, whatever strategy trained it: parameters are broadcast,
 * each partition is scored in minibatches and the per-partition results are merged.
 */
public final class SparkEvaluator {
    private static final int EVAL_BATCH_SIZE = 256;

    private final JavaSparkContext sc;

    public SparkEvaluator(JavaSparkContext sc) {
        this.sc = sc;
    }

    /**
     * Accuracy, macro precision, recall and F1, the number of examples, and with {@code withLoss}
     * the mean loss (one more pass over the data).
     */
    public Map<String, Double> metrics(MultiLayerNetwork network, JavaRDD<DataSet> data, List<String> labels,
            boolean withLoss) {
        SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, null);
        // dl4j-spark defaults to 4 evaluation threads per task, oversubscribing small executors.
        sparkNetwork.setDefaultEvaluationWorkers(1);
        Evaluation evaluation = sparkNetwork.evaluate(data, labels, EVAL_BATCH_SIZE);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", evaluation.accuracy());
        metrics.put("precision", evaluation.precision());
        metrics.put("recall", evaluation.recall());
        metrics.put("f1", evaluation.f1());
        metrics.put("examples", (double) evaluation.getNumRowCounter());
        if (withLoss) {
            // calculateScore broadcasts the network's live parameter array, and Spark 3 closes AutoCloseable
            // broadcast values when it cleans them up: score a copy, or training later fails on a freed array.
            SparkDl4jMultiLayer copy = new SparkDl4jMultiLayer(sc, network.clone(), null);
            metrics.put("loss", copy.calculateScore(data, true, EVAL_BATCH_SIZE));
        }
        return metrics;
    }
}
