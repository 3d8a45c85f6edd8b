package io.sparktrain.trainer.ml;

import io.sparktrain.config.EarlyStoppingSection;
import io.sparktrain.config.NetworkTrainingConfig;
import io.sparktrain.config.TrainSection;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.trainer.bundle.CheckpointState;
import io.sparktrain.trainer.engine.EarlyStopping;
import io.sparktrain.trainer.engine.NativeThreads;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.engine.Strategies;
import io.sparktrain.trainer.engine.TrainingLoop;
import io.sparktrain.trainer.engine.TrainingRun;
import io.sparktrain.trainer.engine.TrainingStrategy;
import io.sparktrain.trainer.job.Progress;
import io.sparktrain.trainer.job.ThreadPlan;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One estimator {@code fit}: the engine of the train job (thread plan, {@link TrainingRun},
 * {@link Strategies}, {@link TrainingLoop}) on the rows a pipeline hands over, with epoch lines on
 * the {@code io.sparktrain} logger. Instead of writing checkpoints it keeps the best network in
 * memory when early stopping asks to restore it.
 */
final class EstimatorTraining {
    private static final String ND4J_REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";

    private final SparkSession spark;
    private final NetworkTrainingConfig config;

    EstimatorTraining(SparkSession spark, NetworkTrainingConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** The trained network and the rows it trained on in each epoch. */
    record Trained(Network network, long trainedRows) {}

    /** @param rebalance an imbalance stage's resampling, for the training rows left after validation is held out */
    Trained train(MiniBatcher batcher, Dataset<Row> rows, List<String> classes, UnaryOperator<Dataset<Row>> rebalance) {
        TrainSection train = config.train();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkConf conf = sc.getConf();
        requireNd4jKryo(conf);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = ThreadPlan.threadsPerTask(train.threadsPerTask(), train.strategy(), conf, cores);
        NativeThreads.limitTo(threads);
        Dataset<Row> cached = rows.cache();
        try {
            TrainingLoop.Data data = new TrainingRun(train, config.seed(), threads)
                    .data(batcher, cached, cached.count(), Optional.empty(), classes, rebalance);
            BestNetwork best = new BestNetwork();
            EarlyStoppingSection stopping = train.earlyStopping();
            boolean keepBest = stopping.enabled() && stopping.restoreBest();
            TrainingLoop loop = new TrainingLoop(sc, train.epochs(), stopping, new Progress(train.epochs())::epoch,
                    (network, state, isBest) -> best.offer(network, keepBest && isBest));
            try (TrainingStrategy strategy = Strategies.create(sc, Network.build(config.model(), config.seed()), train,
                    config.seed(), ThreadPlan.tasksPerExecutor(conf, cores))) {
                TrainingLoop.Outcome outcome = loop.run(strategy, data,
                        new CheckpointState(0, List.of(), EarlyStopping.start()));
                boolean restore = keepBest && outcome.last().earlyStopping().bestEpoch() != outcome.last().epoch();
                return new Trained(restore ? best.network() : strategy.network().copy(), data.trainExamples());
            }
        } finally {
            cached.unpersist();
        }
    }

    /** dl4j-spark ships INDArrays in its RDDs; Kryo without ND4J's registrator corrupts them. */
    private static void requireNd4jKryo(SparkConf conf) {
        boolean kryo = conf.get("spark.serializer", "").endsWith("KryoSerializer");
        if (kryo && !conf.get("spark.kryo.registrator", "").contains(ND4J_REGISTRATOR)) {
            throw new IllegalStateException("spark.serializer is Kryo but spark.kryo.registrator is '"
                    + conf.get("spark.kryo.registrator", "") + "': set spark.kryo.registrator = " + ND4J_REGISTRATOR
                    + " when building the SparkSession (SparkSessions.sparkConf does), or ND4J arrays break in transit");
        }
    }

    /** The network of the best epoch so far, copied because the strategy keeps training its own. */
    private static final class BestNetwork {
        private Network network;

        void offer(Network candidate, boolean isBest) {
            if (isBest) {
                network = candidate.copy();
            }
        }

        Network network() {
            return network;
        }
    }
}
