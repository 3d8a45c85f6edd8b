package io.sparktrain.trainer.engine;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.Task;
import io.sparktrain.config.TaskChecks;
import io.sparktrain.config.TrainSection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The one way into training, for the {@code train} job and the Spark ML estimators alike: plans
 * the native threads of every task, turns prepared rows into minibatches ({@link #rows()}), and
 * {@link #fit}s a network with the configured strategy through the {@link TrainingLoop}, ending
 * with the best epoch's network when early stopping restores it. Where checkpoints go is the
 * caller's concern ({@link Checkpoints}).
 */
public final class Trainer {
    /**
     * How a run ended.
     *
     * @param network      the network to keep: the last epoch's, or the best one's when restored (a copy)
     * @param finalEpoch   the epoch {@code network} is from
     * @param last         the state after the last epoch trained, with the whole history
     * @param stoppedEarly whether early stopping ended the run before its planned epochs
     * @param stats        dl4j-spark's timing statistics when collected, summarised
     */
    public record Result(Network network, int finalEpoch, CheckpointState last, boolean stoppedEarly,
            Map<String, Map<String, Double>> stats) {
        public List<EpochResult> history() {
            return last.history();
        }
    }

    private final JavaSparkContext sc;
    private final TrainSection train;
    private final long seed;
    private final Task task;
    private final int threads;
    private final int tasksPerExecutor;
    private final Consumer<String> info;
    private final Consumer<EpochResult> epochs;

    /**
     * @param info   told what the run decided (early stop, restored epoch), as console lines
     * @param epochs told each epoch's result
     * @throws IllegalArgumentException when the settings do not fit the task (e.g. early stopping on
     *                                  accuracy for a regression); the message names the key
     */
    public Trainer(JavaSparkContext sc, TrainSection train, long seed, Task task, Consumer<String> info,
            Consumer<EpochResult> epochs) {
        TaskChecks.stoppingMetric(train.earlyStopping(), task).ifPresent(problem -> {
            throw new IllegalArgumentException("train.early-stopping.metric " + problem);
        });
        this.sc = sc;
        this.train = train;
        this.seed = seed;
        this.task = task;
        SparkConf conf = sc.getConf();
        int cores = Runtime.getRuntime().availableProcessors();
        this.threads = ThreadPlan.threadsPerTask(train.threadsPerTask(), train.strategy(), conf, cores);
        this.tasksPerExecutor = ThreadPlan.tasksPerExecutor(conf, cores);
        this.info = info;
        this.epochs = epochs;
    }

    /** Native threads each training task may use. */
    public int threadsPerTask() {
        return threads;
    }

    /** Turns prepared rows into this run's minibatches: the hold-out, the thread cap in every task. */
    public TrainingRun rows() {
        return new TrainingRun(train, seed, threads);
    }

    /**
     * Trains {@code network} from {@code start} (a fresh state, or a checkpoint's when resuming)
     * up to the configured epochs.
     */
    public Result fit(Network network, CheckpointState start, TrainingLoop.Data data, Checkpoints checkpoints) {
        NativeThreads.limitTo(threads);
        EarlyStoppingSection stopping = train.earlyStopping();
        TrainingLoop loop = new TrainingLoop(train.epochs(), stopping, task, new SparkEvaluator(sc).of(data),
                sc::setJobDescription, epochs, checkpoints);
        try (TrainingStrategy strategy = Strategies.create(sc, network, train, seed, tasksPerExecutor)) {
            TrainingLoop.Outcome outcome = loop.run(strategy, data.train(), data.trainExamples(), start);
            if (outcome.stoppedEarly()) {
                info.accept("early stopping after epoch " + outcome.last().epoch() + ": no improvement of validation "
                        + stopping.watched(task) + " for " + stopping.patience() + " epochs");
            }
            int bestEpoch = outcome.last().earlyStopping().bestEpoch();
            if (stopping.restoresBest() && bestEpoch != outcome.last().epoch()) {
                info.accept("restoring the network of epoch " + bestEpoch + ", the best by validation "
                        + stopping.watched(task));
                Network best = checkpoints.best().orElseThrow(() -> new IllegalStateException(
                        "early stopping restores epoch " + bestEpoch + " but no best network was saved"));
                return new Result(best, bestEpoch, outcome.last(), outcome.stoppedEarly(), strategy.trainingStats());
            }
            return new Result(strategy.network().copy(), outcome.last().epoch(), outcome.last(),
                    outcome.stoppedEarly(), strategy.trainingStats());
        }
    }
}
