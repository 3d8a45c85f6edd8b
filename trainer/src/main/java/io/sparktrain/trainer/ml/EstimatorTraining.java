package io.sparktrain.trainer.ml;

import io.sparktrain.config.NetworkTrainingConfig;
import io.sparktrain.config.Task;
import io.sparktrain.config.TrainSection;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.trainer.engine.CheckpointState;
import io.sparktrain.trainer.engine.Checkpoints;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.engine.Trainer;
import io.sparktrain.trainer.engine.TrainingLoop;
import io.sparktrain.trainer.runtime.Progress;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One estimator {@code fit}: the engine's {@link Trainer}, as the train job uses it, on the rows a
 * pipeline hands over, with epoch lines on the {@code io.sparktrain} logger. Instead of writing
 * checkpoints it keeps the best network in memory when early stopping restores it.
 */
final class EstimatorTraining {
    private static final String ND4J_REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";

    private final SparkSession spark;
    private final NetworkTrainingConfig config;
    private final Task task;

    EstimatorTraining(SparkSession spark, NetworkTrainingConfig config, Task task) {
        this.spark = spark;
        this.config = config;
        this.task = task;
    }

    /** The trained network and the rows it trained on in each epoch. */
    record Trained(Network network, long trainedRows) {}

    /** @param rebalance an imbalance stage's resampling, for the training rows left after validation is held out */
    Trained train(MiniBatcher batcher, Dataset<Row> rows, List<String> classes, UnaryOperator<Dataset<Row>> rebalance) {
        TrainSection train = config.train();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        requireNd4jKryo(sc.getConf());
        Progress progress = new Progress(train.epochs());
        Trainer trainer = new Trainer(sc, train, config.seed(), task, progress::info, progress::epoch);
        Dataset<Row> cached = rows.cache();
        try {
            TrainingLoop.Data data = trainer.rows().data(batcher, cached, cached.count(), Optional.empty(), classes,
                    rebalance);
            Network network = trainer.fit(Network.build(config.model(), config.seed()), CheckpointState.fresh(), data,
                    Checkpoints.bestInMemory()).network();
            return new Trained(network, data.trainExamples());
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
}
