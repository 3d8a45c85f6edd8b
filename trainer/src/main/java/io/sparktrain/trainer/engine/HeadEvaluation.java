package io.sparktrain.trainer.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.nd4j.evaluation.IEvaluation;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Metrics of every output of a multi-output graph, computed on the executors. dl4j-spark's
 * evaluation of a graph scores its first output only, so each partition restores the graph once,
 * runs it once per minibatch and evaluates each head by what its loss says it predicts (classes:
 * accuracy, precision, recall, F1; numbers: rmse, mae, r2); the partitions' evaluations are merged.
 * Metrics are named {@code <output>.<metric>}, e.g. {@code origin.accuracy}, {@code mpg.rmse}.
 */
final class HeadEvaluation {
    private HeadEvaluation() {
    }

    static Map<String, Double> metrics(JavaSparkContext sc, Network.Graph network, OutputSplit split,
            JavaRDD<DataSet> data) {
        Broadcast<byte[]> bytes = sc.broadcast(network.toBytes(false));
        try {
            IEvaluation<?>[] merged = data.mapPartitions(batches -> evaluate(bytes.value(), split, batches))
                    .reduce(HeadEvaluation::merge);
            Map<String, Double> metrics = new LinkedHashMap<>();
            List<OutputSplit.Head> heads = split.heads();
            for (int k = 0; k < heads.size(); k++) {
                String name = heads.get(k).name();
                if (merged[k] instanceof Evaluation classes) {
                    metrics.put(name + ".accuracy", classes.accuracy());
                    metrics.put(name + ".precision", classes.precision());
                    metrics.put(name + ".recall", classes.recall());
                    metrics.put(name + ".f1", classes.f1());
                } else {
                    RegressionEvaluation numbers = (RegressionEvaluation) merged[k];
                    metrics.put(name + ".rmse", numbers.averagerootMeanSquaredError());
                    metrics.put(name + ".mae", numbers.averageMeanAbsoluteError());
                    metrics.put(name + ".r2", numbers.averageRSquared());
                }
            }
            metrics.put("examples", (double) data.map(DataSet::numExamples).fold(0, Integer::sum));
            return metrics;
        } finally {
            bytes.destroy();
        }
    }

    /** One partition's evaluation of every head; a partition without minibatches gives empty evaluations. */
    private static Iterator<IEvaluation<?>[]> evaluate(byte[] network, OutputSplit split, Iterator<DataSet> batches) {
        List<OutputSplit.Head> heads = split.heads();
        IEvaluation<?>[] evaluations = new IEvaluation<?>[heads.size()];
        for (int k = 0; k < evaluations.length; k++) {
            evaluations[k] = heads.get(k).classes() ? new Evaluation() : new RegressionEvaluation();
        }
        if (!batches.hasNext()) {
            return List.<IEvaluation<?>[]>of(evaluations).iterator();
        }
        Network.Graph graph = restore(network);
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            INDArray[] outputs = graph.outputs(batch.getFeatures(), batch.getFeaturesMaskArray());
            INDArray[] labels = split.labelsPerHead(batch.getLabels());
            for (int k = 0; k < evaluations.length; k++) {
                evaluations[k].eval(labels[k], outputs[k]);
            }
        }
        List<IEvaluation<?>[]> one = new ArrayList<>();
        one.add(evaluations);
        return one.iterator();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static IEvaluation<?>[] merge(IEvaluation<?>[] a, IEvaluation<?>[] b) {
        for (int k = 0; k < a.length; k++) {
            ((IEvaluation) a[k]).merge(b[k]);
        }
        return a;
    }

    private static Network.Graph restore(byte[] network) {
        try {
            return (Network.Graph) Network.restore(new ByteArrayInputStream(network), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the broadcast network: " + e.getMessage(), e);
        }
    }
}
