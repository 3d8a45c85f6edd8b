package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.Metric;
import io.sparktrain.config.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The loop's order of steps with a scripted strategy and evaluator, no Spark: what is watched,
 * what is checkpointed when, where a resumed run carries on, when it stops.
 */
class TrainingLoopTest {
    private static final EarlyStoppingSection OFF = new EarlyStoppingSection(false, Metric.ACCURACY, 2, 0, true);

    /** Counts epochs; its network never changes (the loop only passes it on). */
    private static final class CountingStrategy implements TrainingStrategy {
        private final Network network = EngineFixtures.smallNetwork("relu", 1);
        private int epochs;

        @Override
        public Double fitEpoch(JavaRDD<DataSet> train) {
            epochs++;
            return 1.0 / epochs;
        }

        @Override
        public Network network() {
            return network;
        }

        @Override
        public void close() {
        }
    }

    /** Validation metrics from a script, one map per epoch. */
    private record ScriptedEvaluator(List<Map<String, Double>> validation) implements Evaluator {
        @Override
        public Map<String, Double> validation(Network network) {
            return validation.isEmpty() ? Map.of() : validation.remove(0);
        }

        @Override
        public Map<String, Double> test(Network network) {
            return Map.of("accuracy", 0.5);
        }
    }

    /** Records every save in order. */
    private static final class RecordingCheckpoints implements Checkpoints {
        final List<String> saves = new ArrayList<>();

        @Override
        public void save(Network network, CheckpointState state, boolean best) {
            saves.add(state.epoch() + (best ? " best" : ""));
        }

        @Override
        public Optional<Network> best() {
            return Optional.empty();
        }
    }

    private static TrainingLoop loop(int epochs, EarlyStoppingSection stopping, Task task,
            List<Map<String, Double>> validation, Checkpoints checkpoints, List<String> descriptions) {
        return new TrainingLoop(epochs, stopping, task, new ScriptedEvaluator(new ArrayList<>(validation)),
                descriptions::add, result -> { }, checkpoints);
    }

    @Test
    void regressionWithValidationAndEarlyStoppingOffWatchesItsLoss() {
        // The default metric is accuracy, which a regression does not report: the loop looked it up and unboxed null.
        List<Map<String, Double>> validation = List.of(Map.of("rmse", 2.0, "mae", 1.5, "loss", 4.0),
                Map.of("rmse", 1.0, "mae", 0.8, "loss", 1.0), Map.of("rmse", 1.5, "mae", 1.0, "loss", 2.25));
        TrainingLoop.Outcome outcome = loop(3, OFF, Task.REGRESSION, validation, new RecordingCheckpoints(),
                new ArrayList<>()).run(new CountingStrategy(), null, 100, CheckpointState.fresh());

        assertEquals(3, outcome.last().epoch());
        assertFalse(outcome.stoppedEarly());
        assertEquals(2, outcome.last().earlyStopping().bestEpoch(), "the lowest loss was epoch 2's");
        assertEquals(1.0, outcome.last().earlyStopping().bestValue());
    }

    @Test
    void checkpointsEveryEpochInOrderAndMarksTheBestOnlyWhenRestoring() {
        List<Map<String, Double>> validation = List.of(Map.of("accuracy", 0.8, "loss", 1.0),
                Map.of("accuracy", 0.9, "loss", 0.5), Map.of("accuracy", 0.85, "loss", 0.6));
        EarlyStoppingSection restoring = new EarlyStoppingSection(true, Metric.ACCURACY, 5, 0, true);
        RecordingCheckpoints restored = new RecordingCheckpoints();
        List<String> descriptions = new ArrayList<>();
        loop(3, restoring, Task.CLASSIFICATION, validation, restored, descriptions).run(new CountingStrategy(), null, 10,
                CheckpointState.fresh());
        assertEquals(List.of("1 best", "2 best", "3"), restored.saves);
        assertEquals(List.of("train epoch 1/3", "evaluate epoch 1/3", "train epoch 2/3", "evaluate epoch 2/3",
                "train epoch 3/3", "evaluate epoch 3/3"), descriptions.stream().filter(d -> d != null).toList());

        RecordingCheckpoints plain = new RecordingCheckpoints();
        loop(3, OFF, Task.CLASSIFICATION, validation, plain, new ArrayList<>()).run(new CountingStrategy(), null, 10,
                CheckpointState.fresh());
        assertEquals(List.of("1", "2", "3"), plain.saves, "no best copies when the run does not restore the best");
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        List<Map<String, Double>> validation = List.of(Map.of("loss", 1.0), Map.of("loss", 0.5), Map.of("loss", 0.7),
                Map.of("loss", 0.6), Map.of("loss", 0.1));
        EarlyStoppingSection onLoss = new EarlyStoppingSection(true, Metric.LOSS, 2, 0, false);
        RecordingCheckpoints checkpoints = new RecordingCheckpoints();
        TrainingLoop.Outcome outcome = loop(5, onLoss, Task.REGRESSION, validation, checkpoints, new ArrayList<>())
                .run(new CountingStrategy(), null, 10, CheckpointState.fresh());
        assertTrue(outcome.stoppedEarly());
        assertEquals(4, outcome.last().epoch());
        assertEquals(List.of("1", "2", "3", "4"), checkpoints.saves);
    }

    @Test
    void aResumedRunCarriesOnAfterItsCheckpointWithItsHistoryAndStoppingState() {
        EarlyStoppingSection onAccuracy = new EarlyStoppingSection(true, Metric.ACCURACY, 2, 0, false);
        EpochResult first = new EpochResult(1, 0.5, Map.of("accuracy", 0.9), Map.of(), 10, 1, 0, 1);
        EpochResult second = new EpochResult(2, 0.4, Map.of("accuracy", 0.8), Map.of(), 10, 1, 0, 2);
        CheckpointState checkpoint = new CheckpointState(2, List.of(first, second), new EarlyStopping(1, 0.9, 1));
        CountingStrategy strategy = new CountingStrategy();
        RecordingCheckpoints checkpoints = new RecordingCheckpoints();

        TrainingLoop.Outcome outcome = loop(6, onAccuracy, Task.CLASSIFICATION, List.of(Map.of("accuracy", 0.85)),
                checkpoints, new ArrayList<>()).run(strategy, null, 10, checkpoint);

        assertEquals(1, strategy.epochs, "epoch 3 only: the stale count carried over reaches the patience");
        assertTrue(outcome.stoppedEarly());
        assertEquals(List.of(1, 2, 3), outcome.last().history().stream().map(EpochResult::epoch).toList());
        assertEquals(List.of("3"), checkpoints.saves);
    }
}
