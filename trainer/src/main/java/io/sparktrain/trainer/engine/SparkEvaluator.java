package io.sparktrain.trainer.engine;

import java.util.List;
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

    public Evaluation evaluate(MultiLayerNetwork network, JavaRDD<DataSet> data, List<String> labels) {
        SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(sc, network, null);
        // dl4j-spark defaults to 4 evaluation threads per task, oversubscribing small executors.
        sparkNetwork.setDefaultEvaluationWorkers(1);
        org.deeplearning4j.eval.Evaluation evaluation = sparkNetwork.evaluate(data, labels, EVAL_BATCH_SIZE);
        return evaluation;
    }
}
