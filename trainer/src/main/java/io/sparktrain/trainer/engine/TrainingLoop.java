package io.sparktrain.trainer.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs the epochs: fit with the chosen strategy, evaluate on the test data, report one
 * {@link EpochResult} per epoch. Each epoch's Spark jobs carry a description for the Spark UI.
 */
public final class TrainingLoop {
    private final JavaSparkContext sc;
    private final SparkEvaluator evaluator;
    private final Consumer<EpochResult> progress;

    /** @param progress told about every finished epoch (console line, history) */
    public TrainingLoop(JavaSparkContext sc, Consumer<EpochResult> progress) {
        this.sc = sc;
        this.evaluator = new SparkEvaluator(sc);
        this.progress = progress;
    }

    /** The history of every epoch and the evaluation of the final network. */
    public record Outcome(List<EpochResult> history, Evaluation finalEvaluation) {}

    public Outcome run(TrainingStrategy strategy, JavaRDD<DataSet> train, long trainExamples, JavaRDD<DataSet> test,
            List<String> labels, int epochs) {
        List<EpochResult> history = new ArrayList<>();
        Evaluation evaluation = null;
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            sc.setJobDescription("train epoch " + epoch + "/" + epochs);
            long fitStart = System.nanoTime();
            double loss = strategy.fitEpoch(train);
            double fitSeconds = seconds(fitStart);

            sc.setJobDescription("evaluate epoch " + epoch + "/" + epochs);
            long evalStart = System.nanoTime();
            evaluation = evaluator.evaluate(strategy.network(), test, labels);
            double evalSeconds = seconds(evalStart);

            EpochResult result = new EpochResult(epoch, loss, evaluation.accuracy(), evaluation.f1(),
                    trainExamples / fitSeconds, fitSeconds, evalSeconds, seconds(start));
            history.add(result);
            progress.accept(result);
        }
        sc.setJobDescription(null);
        return new Outcome(history, evaluation);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
