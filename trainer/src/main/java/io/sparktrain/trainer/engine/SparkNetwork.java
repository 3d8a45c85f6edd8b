package io.sparktrain.trainer.engine;

import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.core.loader.DataSetLoader;
import org.deeplearning4j.spark.api.TrainingMaster;
import org.deeplearning4j.spark.api.stats.SparkTrainingStats;
import org.deeplearning4j.spark.impl.graph.SparkComputationGraph;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.evaluation.classification.ROC;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A {@link Network} on Spark: dl4j-spark's {@code SparkDl4jMultiLayer} or {@code SparkComputationGraph},
 * behind the few operations the engine uses.
 */
public sealed interface SparkNetwork permits SparkNetwork.OfStack, SparkNetwork.OfGraph {
    /** One pass over {@code data} with the training master; increments the epoch count. */
    void fit(JavaRDD<DataSet> data);

    /**
     * One pass over minibatches saved as files ({@link MinibatchExport}), read by {@code loader};
     * increments the epoch count.
     */
    void fitPaths(JavaRDD<String> paths, DataSetLoader loader);

    /** The training master's score after the last fit (0 when it reports none). */
    double score();

    Network network();

    Evaluation evaluate(JavaRDD<DataSet> data, List<String> labels, int batchSize);

    RegressionEvaluation evaluateRegression(JavaRDD<DataSet> data, int batchSize);

    /** Exact ROC and precision-recall curves of a two-class output (class 1 positive). */
    ROC roc(JavaRDD<DataSet> data, int batchSize);

    /** Mean loss over {@code data}. */
    double meanLoss(JavaRDD<DataSet> data, int batchSize);

    void collectTrainingStats(boolean collect);

    SparkTrainingStats trainingStats();

    /** Threads each evaluation task uses; dl4j-spark's default of 4 oversubscribes small executors. */
    void evaluationThreads(int threads);

    final class OfStack implements SparkNetwork {
        private final SparkDl4jMultiLayer spark;

        OfStack(JavaSparkContext sc, Network.Stack network, TrainingMaster<?, ?> master) {
            this.spark = new SparkDl4jMultiLayer(sc, network.network(), master);
        }

        @Override
        public void fit(JavaRDD<DataSet> data) {
            spark.fit(data);
        }

        @Override
        public void fitPaths(JavaRDD<String> paths, DataSetLoader loader) {
            spark.fitPaths(paths, loader);
        }

        @Override
        public double score() {
            return spark.getScore();
        }

        @Override
        public Network network() {
            return new Network.Stack(spark.getNetwork());
        }

        @Override
        public Evaluation evaluate(JavaRDD<DataSet> data, List<String> labels, int batchSize) {
            return spark.evaluate(data, labels, batchSize);
        }

        @Override
        public RegressionEvaluation evaluateRegression(JavaRDD<DataSet> data, int batchSize) {
            return spark.evaluateRegression(data, batchSize);
        }

        @Override
        public ROC roc(JavaRDD<DataSet> data, int batchSize) {
            return spark.evaluateROC(data, 0, batchSize);
        }

        @Override
        public double meanLoss(JavaRDD<DataSet> data, int batchSize) {
            return spark.calculateScore(data, true, batchSize);
        }

        @Override
        public void collectTrainingStats(boolean collect) {
            spark.setCollectTrainingStats(collect);
        }

        @Override
        public SparkTrainingStats trainingStats() {
            return spark.getSparkTrainingStats();
        }

        @Override
        public void evaluationThreads(int threads) {
            spark.setDefaultEvaluationWorkers(threads);
        }
    }

    /** A graph with several outputs trains on its minibatches split into its heads ({@link OutputSplit}). */
    final class OfGraph implements SparkNetwork {
        private final SparkComputationGraph spark;
        private final Optional<OutputSplit> split;

        OfGraph(JavaSparkContext sc, Network.Graph network, TrainingMaster<?, ?> master) {
            this.spark = new SparkComputationGraph(sc, network.graph(), master);
            this.split = OutputSplit.of(network.graph());
        }

        @Override
        public void fit(JavaRDD<DataSet> data) {
            split.ifPresentOrElse(s -> spark.fitMultiDataSet(data.map(s::split)), () -> spark.fit(data));
        }

        @Override
        public void fitPaths(JavaRDD<String> paths, DataSetLoader loader) {
            split.ifPresentOrElse(s -> spark.fitPaths(paths, s.loader(loader)), () -> spark.fitPaths(paths, loader));
        }

        @Override
        public double score() {
            return spark.getScore();
        }

        @Override
        public Network network() {
            return new Network.Graph(spark.getNetwork());
        }

        @Override
        public Evaluation evaluate(JavaRDD<DataSet> data, List<String> labels, int batchSize) {
            return spark.evaluate(data, labels, batchSize);
        }

        @Override
        public RegressionEvaluation evaluateRegression(JavaRDD<DataSet> data, int batchSize) {
            return spark.evaluateRegression(data, batchSize);
        }

        @Override
        public ROC roc(JavaRDD<DataSet> data, int batchSize) {
            return spark.evaluateROC(data, 0, batchSize);
        }

        @Override
        public double meanLoss(JavaRDD<DataSet> data, int batchSize) {
            return split.map(s -> spark.calculateScoreMultiDataSet(data.map(s::split), true, batchSize))
                    .orElseGet(() -> spark.calculateScore(data, true, batchSize));
        }

        @Override
        public void collectTrainingStats(boolean collect) {
            spark.setCollectTrainingStats(collect);
        }

        @Override
        public SparkTrainingStats trainingStats() {
            return spark.getSparkTrainingStats();
        }

        @Override
        public void evaluationThreads(int threads) {
            spark.setDefaultEvaluationWorkers(threads);
        }
    }
}
