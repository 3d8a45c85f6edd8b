package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.testing.TrainerSpark;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.loader.LocalFileSourceFactory;
import org.nd4j.common.loader.Source;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches kept in memory between epochs (the local strategy's, and the executors' store of
 * exported files) must train exactly as re-reading them would, stay within their budget, and never
 * be changed by what the trainer does with the copies it gets.
 */
@LocalSpark(threads = 2, factory = TrainerSpark.class)
class HeldMinibatchesTest {
    private static final long SEED = 7;

    private static DataSet minibatch(int seed) {
        Nd4j.getRandom().setSeed(seed);
        DataSet data = new DataSet(Nd4j.rand(16, 4), Nd4j.zeros(16, 3));
        for (int i = 0; i < 16; i++) {
            data.getLabels().putScalar(i, (i + seed) % 3, 1.0);
        }
        return data;
    }

    private static Network network() {
        return EngineFixtures.smallNetwork("relu", SEED);
    }

    @Test
    void localStrategyTrainsTheSameOnKeptAndOnStreamedMinibatches(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batches.add(minibatch(i));
        }
        JavaRDD<DataSet> data = sc.parallelize(batches, 2);

        LocalStrategy keeping = new LocalStrategy(network(), Long.MAX_VALUE);
        LocalStrategy streaming = new LocalStrategy(network(), HeldMinibatchLoader.bytes(batches.get(0)));
        for (int epoch = 0; epoch < 3; epoch++) {
            keeping.fitEpoch(data);
            streaming.fitEpoch(data);
        }

        assertTrue(keeping.holdsMinibatches(), "5 small minibatches fit an unlimited budget");
        assertFalse(streaming.holdsMinibatches(), "a budget of one minibatch cannot hold five");
        assertFalse(network().params().equalsWithEps(keeping.network().params(), 1e-3), "training moved the parameters");
        assertEquals(streaming.network().params(), keeping.network().params());
        assertEquals(3, keeping.network().epochCount());
    }

    @Test
    void keptMinibatchesAreHandedOutAsCopiesAndOnlyForTheirRun(@TempDir Path dir) throws IOException {
        HeldMinibatchLoader.Store store = new HeldMinibatchLoader.Store();
        DataSet batch = minibatch(1);
        assertTrue(store.keep("run-1", "run-1/data/a.bin", batch, Long.MAX_VALUE));

        // The file does not exist: a kept minibatch is never read.
        DataSet first = store.load("run-1", source(dir.resolve("a.bin").toString(), "run-1/data/a.bin"), Long.MAX_VALUE);
        assertEquals(batch.getFeatures(), first.getFeatures());
        assertNotSame(batch.getFeatures(), first.getFeatures());
        first.getFeatures().assign(0);
        assertEquals(batch.getFeatures(),
                store.load("run-1", source(dir.resolve("a.bin").toString(), "run-1/data/a.bin"), Long.MAX_VALUE).getFeatures(),
                "changing a handed-out copy must not change what is kept");

        store.keep("run-2", "run-2/data/a.bin", minibatch(2), Long.MAX_VALUE);
        assertEquals(1, store.size(), "a new run's minibatches replace the last run's");
        store.release("run-2");
        assertEquals(0, store.size());
    }

    @Test
    void filesAreReadAndKeptUntilTheBudgetIsSpent(@TempDir Path dir) throws IOException {
        HeldMinibatchLoader.Store store = new HeldMinibatchLoader.Store();
        List<DataSet> batches = List.of(minibatch(1), minibatch(2), minibatch(3));
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            File file = dir.resolve("b" + i + ".bin").toFile();
            batches.get(i).save(file);
            paths.add(file.getPath());
        }
        long budget = 2 * HeldMinibatchLoader.bytes(batches.get(0));

        for (int i = 0; i < batches.size(); i++) {
            Source file = new LocalFileSourceFactory().getSource(paths.get(i));
            assertEquals(batches.get(i), store.load("run", file, budget));
        }
        assertEquals(2, store.size(), "the budget holds two of the three minibatches");
        assertTrue(dir.resolve("b0.bin").toFile().delete());
        assertEquals(batches.get(0), store.load("run", new LocalFileSourceFactory().getSource(paths.get(0)), budget),
                "a kept minibatch is served from memory");
    }

    /** A source named {@code path} that reads {@code file}. */
    private static Source source(String file, String path) {
        Source local = new LocalFileSourceFactory().getSource(file);
        return new Source() {
            @Override
            public java.io.InputStream getInputStream() throws IOException {
                return local.getInputStream();
            }

            @Override
            public String getPath() {
                return path;
            }
        };
    }
}
