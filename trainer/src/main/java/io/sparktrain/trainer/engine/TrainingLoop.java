package io.sparktrain.trainer.engine;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.Metric;
import io.sparktrain.config.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs the epochs: fit with the chosen strategy, evaluate on validation and test data, decide on
 * early stopping, hand a checkpoint to the caller. Each epoch's Spark jobs carry a description
 * for the Spark UI ("train epoch 3/10"). It knows nothing of Spark itself: strategy, evaluator and
 * checkpoints are handed in, so its order of steps is tested without a cluster.
 */
public final class TrainingLoop {
    /**
     * @param trainExamples examples in {@code train}, for examples/s
     * @param validation    held-out data evaluated after every epoch, if any
     * @param test          test data evaluated after every epoch (reported, never used for decisions), if any
     * @param labels        class names; empty for regression
     */
    public record Data(JavaRDD<DataSet> train, long trainExamples, Optional<JavaRDD<DataSet>> validation,
            Optional<JavaRDD<DataSet>> test, List<String> labels) {}

    /** How training ended. */
    public record Outcome(CheckpointState last, boolean stoppedEarly) {}

    private final int epochs;
    private final EarlyStoppingSection earlyStopping;
    private final Metric watched;
    private final Evaluator evaluator;
    private final Consumer<String> jobDescription;
    private final Consumer<EpochResult> progress;
    private final Checkpoints checkpoints;

    /**
     * @param task           decides the metric watched for the best epoch and early stopping
     * @param jobDescription names the Spark jobs that follow (the Spark UI shows it); null clears it
     * @param progress       told each epoch's result
     */
    public TrainingLoop(int epochs, EarlyStoppingSection earlyStopping, Task task, Evaluator evaluator,
            Consumer<String> jobDescription, Consumer<EpochResult> progress, Checkpoints checkpoints) {
        this.epochs = epochs;
        this.earlyStopping = earlyStopping;
        this.watched = earlyStopping.watched(task);
        this.evaluator = evaluator;
        this.jobDescription = jobDescription;
        this.progress = progress;
        this.checkpoints = checkpoints;
    }

    /**
     * Trains from the epoch after {@code start.epoch()} (0 for a fresh run) up to the configured epochs.
     *
     * @param trainExamples examples in {@code train}, for examples/s
     */
    public Outcome run(TrainingStrategy strategy, JavaRDD<DataSet> train, long trainExamples, CheckpointState start) {
        List<EpochResult> history = new ArrayList<>(start.history());
        EarlyStopping stopping = start.earlyStopping();
        CheckpointState state = start;
        long runStart = System.nanoTime();
        for (int epoch = start.epoch() + 1; epoch <= epochs; epoch++) {
            jobDescription.accept("train epoch " + epoch + "/" + epochs);
            long fitStart = System.nanoTime();
            Double loss = strategy.fitEpoch(train);
            double fitSeconds = seconds(fitStart);

            jobDescription.accept("evaluate epoch " + epoch + "/" + epochs);
            long evalStart = System.nanoTime();
            Network network = strategy.network();
            Map<String, Double> validation = evaluator.validation(network);
            Map<String, Double> test = evaluator.test(network);
            double evalSeconds = seconds(evalStart);
            jobDescription.accept(null);

            EpochResult result = new EpochResult(epoch, loss, validation, test, trainExamples / fitSeconds,
                    fitSeconds, evalSeconds, seconds(runStart));
            history.add(result);
            progress.accept(result);

            stopping = validation.isEmpty() ? new EarlyStopping(epoch, epoch, 0)
                    : stopping.after(epoch, watchedValue(validation), watched, earlyStopping.minDelta());
            state = new CheckpointState(epoch, history, stopping);
            checkpoints.save(network, state, stopping.improvedAt(epoch) && earlyStopping.restoresBest());
            if (stopping.shouldStop(earlyStopping)) {
                return new Outcome(state, true);
            }
        }
        return new Outcome(state, false);
    }

    private double watchedValue(Map<String, Double> validation) {
        Double value = validation.get(watched.configName());
        if (value == null) {
            throw new IllegalStateException("the validation metrics " + validation.keySet() + " hold no '"
                    + watched.configName() + "' to watch for the best epoch");
        }
        return value;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
