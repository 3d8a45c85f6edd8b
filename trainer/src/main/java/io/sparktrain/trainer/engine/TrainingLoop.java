package io.sparktrain.trainer.engine;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.trainer.bundle.CheckpointState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Runs the epochs: fit with the chosen strategy, evaluate on validation and test data, decide on
 * early stopping, hand a checkpoint to the caller. Each epoch's Spark jobs carry a description
 * for the Spark UI ("train epoch 3/10").
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

    /** Told after every epoch; saves checkpoints. */
    public interface Checkpointer {
        /** @param best whether this epoch's network is the best so far by the early-stopping metric */
        void save(Network network, CheckpointState state, boolean best);
    }

    /** How training ended. */
    public record Outcome(CheckpointState last, boolean stoppedEarly) {}

    private final JavaSparkContext sc;
    private final SparkEvaluator evaluator;
    private final int epochs;
    private final EarlyStoppingSection earlyStopping;
    private final Consumer<EpochResult> progress;
    private final Checkpointer checkpointer;

    public TrainingLoop(JavaSparkContext sc, int epochs, EarlyStoppingSection earlyStopping,
            Consumer<EpochResult> progress, Checkpointer checkpointer) {
        this.sc = sc;
        this.evaluator = new SparkEvaluator(sc);
        this.epochs = epochs;
        this.earlyStopping = earlyStopping;
        this.progress = progress;
        this.checkpointer = checkpointer;
    }

    /** Trains from the epoch after {@code start.epoch()} (0 for a fresh run) up to the configured epochs. */
    public Outcome run(TrainingStrategy strategy, Data data, CheckpointState start) {
        List<EpochResult> history = new ArrayList<>(start.history());
        EarlyStopping stopping = start.earlyStopping();
        CheckpointState state = start;
        long runStart = System.nanoTime();
        for (int epoch = start.epoch() + 1; epoch <= epochs; epoch++) {
            sc.setJobDescription("train epoch " + epoch + "/" + epochs);
            long fitStart = System.nanoTime();
            Double loss = strategy.fitEpoch(data.train());
            double fitSeconds = seconds(fitStart);

            sc.setJobDescription("evaluate epoch " + epoch + "/" + epochs);
            long evalStart = System.nanoTime();
            Network network = strategy.network();
            Map<String, Double> validation = data.validation()
                    .map(v -> evaluator.metrics(network, v, data.labels(), true)).orElse(Map.of());
            Map<String, Double> test = data.test().map(t -> evaluator.metrics(network, t, data.labels(), false))
                    .orElse(Map.of());
            double evalSeconds = seconds(evalStart);
            sc.setJobDescription(null);

            EpochResult result = new EpochResult(epoch, loss, validation, test, data.trainExamples() / fitSeconds,
                    fitSeconds, evalSeconds, seconds(runStart));
            history.add(result);
            progress.accept(result);

            double watched = validation.isEmpty() ? epoch : validation.get(earlyStopping.metric());
            stopping = validation.isEmpty() ? new EarlyStopping(epoch, watched, 0)
                    : stopping.after(epoch, watched, earlyStopping);
            state = new CheckpointState(epoch, history, stopping);
            checkpointer.save(network, state, stopping.improvedAt(epoch));
            if (stopping.shouldStop(earlyStopping)) {
                return new Outcome(state, true);
            }
        }
        return new Outcome(state, false);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
