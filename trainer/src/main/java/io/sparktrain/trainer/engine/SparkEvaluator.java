package io.sparktrain.trainer.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
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

    /** The loop's evaluator for a run's held-out and test minibatches. */
    public Evaluator of(TrainingLoop.Data data) {
        return new Evaluator() {
            @Override
            public Map<String, Double> validation(Network network) {
                return data.validation().map(v -> metrics(network, v, data.labels(), true)).orElse(Map.of());
            }

            @Override
            public Map<String, Double> test(Network network) {
                return data.test().map(t -> metrics(network, t, data.labels(), false)).orElse(Map.of());
            }
        };
    }

    /**
     * Classification ({@code labels} names the classes): accuracy, macro precision, recall and F1;
     * with two classes precision, recall and F1 are those of the second class (DL4J's positive class,
     * e.g. spam in [ham, spam]), plus {@code pr_auc}, the exact area under that class's
     * precision-recall curve (DL4J's ROC with no threshold binning), which unlike F1 does not
     * depend on the 0.5 cut-off.
     * Regression (no {@code labels}): rmse, mae and r2, averaged over the targets. A graph with
     * several outputs: each output's metrics by its loss ({@link HeadEvaluation}). All with the
     * number of examples, and with {@code withLoss} the mean loss (one more pass over the data).
     */
    public Map<String, Double> metrics(Network network, JavaRDD<DataSet> data, List<String> labels,
            boolean withLoss) {
        SparkNetwork sparkNetwork = network.onSpark(sc, null);
        sparkNetwork.evaluationThreads(1);
        Map<String, Double> metrics = new LinkedHashMap<>();
        Optional<OutputSplit> heads = network instanceof Network.Graph graph ? OutputSplit.of(graph.graph())
                : Optional.empty();
        if (heads.isPresent()) {
            metrics.putAll(HeadEvaluation.metrics(sc, (Network.Graph) network, heads.get(), data));
        } else if (labels.isEmpty()) {
            RegressionEvaluation evaluation = sparkNetwork.evaluateRegression(data, EVAL_BATCH_SIZE);
            metrics.put("rmse", evaluation.averagerootMeanSquaredError());
            metrics.put("mae", evaluation.averageMeanAbsoluteError());
            metrics.put("r2", evaluation.averageRSquared());
            metrics.put("examples", (double) data.map(DataSet::numExamples).fold(0, Integer::sum));
        } else {
            Evaluation evaluation = sparkNetwork.evaluate(data, labels, EVAL_BATCH_SIZE);
            metrics.put("accuracy", evaluation.accuracy());
            metrics.put("precision", evaluation.precision());
            metrics.put("recall", evaluation.recall());
            metrics.put("f1", evaluation.f1());
            metrics.put("examples", (double) evaluation.getNumRowCounter());
            if (labels.size() == 2) {
                metrics.put("pr_auc", sparkNetwork.roc(data, EVAL_BATCH_SIZE).calculateAUCPR());
            }
        }
        if (withLoss) {
            // calculateScore broadcasts the network's live parameter array, and Spark 3 closes AutoCloseable
            // broadcast values when it cleans them up: score a copy, or training later fails on a freed array.
            metrics.put("loss", network.copy().onSpark(sc, null).meanLoss(data, EVAL_BATCH_SIZE));
        }
        return metrics;
    }
}
