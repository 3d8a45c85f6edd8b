package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.AveragingApproach;
import io.sparktrain.config.AveragingSection;
import io.sparktrain.config.Repartitioning;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.testing.TrainerSpark;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Spark worker averaging after every minibatch must reproduce plain single-JVM training with
 * the same seed (after DL4J's TestCompareParameterAveragingSparkVsSingleMachine): if it does not,
 * the distributed engine changes the maths, not just where it runs.
 */
@LocalSpark(threads = 1, factory = TrainerSpark.class)
class StrategyEquivalenceTest {
    private static final long SEED = 12345;
    private static final int EPOCHS = 5;

    private static Network network() {
        return EngineFixtures.smallNetwork("tanh", SEED);
    }

    /** One minibatch of 32 random examples with one-hot labels. */
    private static DataSet minibatch() {
        Nd4j.getRandom().setSeed(SEED);
        DataSet data = new DataSet(Nd4j.rand(32, 4), Nd4j.zeros(32, 3));
        for (int i = 0; i < 32; i++) {
            data.getLabels().putScalar(i, i % 3, 1.0);
        }
        return data;
    }

    @Test
    void averagingWithOneWorkerAndFrequencyOneEqualsLocalTraining(@TempDir java.nio.file.Path work, SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<DataSet> data = sc.parallelize(List.of(minibatch()), 1);
        Network initial = network();

        Network local;
        try (LocalStrategy strategy = new LocalStrategy(network())) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                strategy.fitEpoch(data);
            }
            local = strategy.network();
        }

        Path exportDir = new Path(work.resolve("export").toUri());
        Network averaged;
        AveragingSection settings = new AveragingSection(1, 0, AveragingApproach.EXPORT, work.toString(),
                Repartitioning.NEVER);
        try (SparkStrategy strategy = new SparkStrategy(sc, network(), TrainingMasters.averaging(settings, 1, 32,
                SEED, false), exportDir, true, false, false)) {
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                strategy.fitEpoch(data);
            }
            averaged = strategy.network();
        }

        assertFalse(initial.params().equalsWithEps(local.params(), 1e-3), "training must have moved the parameters");
        double maxDifference = local.params().sub(averaged.params()).amaxNumber().doubleValue();
        assertTrue(maxDifference < 1e-5, "parameters differ by up to " + maxDifference);
        assertTrue(local.updaterState().equalsWithEps(averaged.updaterState(), 1e-5),
                "Adam state must match too (saveUpdater)");
        assertEquals(EPOCHS, averaged.epochCount());
    }
}
