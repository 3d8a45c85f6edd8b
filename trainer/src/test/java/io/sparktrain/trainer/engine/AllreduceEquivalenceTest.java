package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import io.sparktrain.config.AllreduceSection;
import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.testing.TrainerSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synchronous allreduce is plain single-JVM training with a larger batch, only spread out: 2
 * workers with batch b must give the parameters and Adam state of {@code local} training with batch
 * 2b on the same examples in the same order. The data is laid out so that worker 0's minibatch k
 * and worker 1's minibatch k together are local minibatch k; a last, short minibatch (worker 0's
 * alone, while worker 1 takes a step at weight 0) checks the weighting by example counts.
 *
 * <p>Plain local[2], one attempt per task: a failed barrier task still makes Spark rerun the whole
 * stage (TaskSetManager.handleFailedTask marks a barrier task set a zombie before it counts task failures).
 */
@LocalSpark(threads = 2, factory = TrainerSpark.class)
class AllreduceEquivalenceTest {
    private static final long SEED = 12345;
    private static final int BATCH = 8;
    private static final int PAIRS = 12;
    private static final int LAST = 5;
    private static final int EPOCHS = 2;
    private static final double TOLERANCE = 1e-4;

    private static SparkSession spark;

    private static JavaSparkContext sc() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @Test
    void twoWorkersWithBatchBTrainAsLocalWithBatch2B(@TempDir java.nio.file.Path work) {
        DataSet examples = examples();
        Network local = trainLocal(examples);

        Network allreduced;
        Double loss;
        try (AllreduceStrategy strategy = new AllreduceStrategy(sc(), network(), exportDir(work),
                new AllreduceSection(2, 60), 1, true)) {
            JavaRDD<DataSet> train = sc().parallelize(workerMinibatches(examples), 2);
            loss = null;
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                loss = strategy.fitEpoch(train);
            }
            allreduced = strategy.network();
            assertEquals(2L * (PAIRS + 1) * EPOCHS, strategy.trainingStats().get("AllreduceCompute").get("count"),
                    "every worker takes every step");
        }

        assertNotNull(loss);
        assertFalse(network().params().equalsWithEps(local.params(), 1e-3), "training must have moved the parameters");
        assertClose(local.params(), allreduced.params(), "parameters");
        assertClose(local.updaterState(), allreduced.updaterState(), "Adam state");
        assertEquals(EPOCHS, allreduced.epochCount());
        assertEquals(local.model().getClass(), allreduced.model().getClass());
    }

    @Test
    void aFailedTaskRerunsTheEpochFromTheDriversNetwork(@TempDir java.nio.file.Path work) {
        DataSet examples = examples();
        Network local = trainLocal(examples);

        Network allreduced;
        try (AllreduceStrategy strategy = new AllreduceStrategy(sc(), network(), exportDir(work),
                new AllreduceSection(2, 60), 1, false, new AllreduceTask.InjectedFault(1, 4))) {
            JavaRDD<DataSet> train = sc().parallelize(workerMinibatches(examples), 2);
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                strategy.fitEpoch(train);
            }
            allreduced = strategy.network();
            assertEquals(EPOCHS, strategy.rerunEpochs(), "each epoch's first attempt failed and was run again");
        }
        // The failed attempts had trained 4 steps; had they not restarted from the driver's network, this would differ.
        assertClose(local.params(), allreduced.params(), "parameters");
        assertClose(local.updaterState(), allreduced.updaterState(), "Adam state");
    }

    private static Network trainLocal(DataSet examples) {
        try (LocalStrategy strategy = new LocalStrategy(network())) {
            JavaRDD<DataSet> train = sc().parallelize(localMinibatches(examples), 1);
            for (int epoch = 0; epoch < EPOCHS; epoch++) {
                strategy.fitEpoch(train);
            }
            return strategy.network();
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        double difference = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(difference < TOLERANCE, what + " differ by up to " + difference);
    }

    private static Network network() {
        return EngineFixtures.smallNetwork("tanh", SEED);
    }

    private static Path exportDir(java.nio.file.Path work) {
        return new Path(work.resolve("export").toUri());
    }

    /** 2 x PAIRS x BATCH + LAST random examples with one-hot labels of 3 classes. */
    private static DataSet examples() {
        int count = 2 * PAIRS * BATCH + LAST;
        Nd4j.getRandom().setSeed(SEED);
        DataSet data = new DataSet(Nd4j.rand(count, 4), Nd4j.zeros(count, 3));
        for (int i = 0; i < count; i++) {
            data.getLabels().putScalar(i, (i * 7) % 3, 1.0);
        }
        return data;
    }

    /** Minibatches of BATCH in example order, then the LAST examples: worker k mod 2 gets minibatch k. */
    private static List<DataSet> workerMinibatches(DataSet examples) {
        List<DataSet> batches = new ArrayList<>();
        for (int k = 0; k < 2 * PAIRS; k++) {
            batches.add(slice(examples, k * BATCH, BATCH));
        }
        batches.add(slice(examples, 2 * PAIRS * BATCH, LAST));
        return batches;
    }

    /** Minibatches of 2 x BATCH in example order, then the LAST examples. */
    private static List<DataSet> localMinibatches(DataSet examples) {
        List<DataSet> batches = new ArrayList<>();
        for (int k = 0; k < PAIRS; k++) {
            batches.add(slice(examples, k * 2 * BATCH, 2 * BATCH));
        }
        batches.add(slice(examples, 2 * PAIRS * BATCH, LAST));
        return batches;
    }

    private static DataSet slice(DataSet data, int from, int count) {
        return new DataSet(data.getFeatures().get(interval(from, from + count)).dup(),
                data.getLabels().get(interval(from, from + count)).dup());
    }
}
