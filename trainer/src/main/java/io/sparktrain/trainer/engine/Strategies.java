package io.sparktrain.trainer.engine;

import io.sparktrain.config.TrainSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Builds the {@link TrainingStrategy} that {@code train.strategy} names, for the CLI's train job
 * and the Spark ML estimators alike, so both train through the same masters with the same settings.
 */
public final class Strategies {
    private Strategies() {
    }

    /**
     * @param tasksPerExecutor tasks one executor runs at once: gradient sharing's default number of
     *                         training threads per executor
     */
    public static TrainingStrategy create(JavaSparkContext sc, Network network, TrainSection train, long seed,
            int tasksPerExecutor) {
        // Unique per training run, not per application: executors key the minibatches they keep by this
        // directory, and one application can train several times (an estimator in a CrossValidator).
        Path exportDir = new Path(qualified(train.averaging().workDir(), sc),
                "export-" + sc.sc().applicationId() + "-" + UUID.randomUUID());
        boolean export = !train.averaging().approach().equals("direct");
        return switch (train.strategy()) {
            case "local" -> new LocalStrategy(network);
            case "averaging" -> new SparkStrategy(sc, network, TrainingMasters.averaging(train.averaging(),
                    sc.defaultParallelism(), train.batchSize(), seed, train.collectStats()), exportDir, export,
                    false, train.collectStats());
            case "sharing" -> {
                SharingSupport.prepareDriver(sc);
                int workers = train.sharing().workersPerNode() > 0 ? train.sharing().workersPerNode() : tasksPerExecutor;
                // Gradient sharing always trains from exported minibatches. One training thread per executor
                // trains DL4J's replica itself, which can be synced; several train copies of it.
                yield new SparkStrategy(sc, network, TrainingMasters.sharing(train.sharing(), train.batchSize(), workers,
                        SharingSupport.controllerAddress(train.sharing(), sc), train.averaging().prefetch(),
                        train.collectStats()), exportDir, true, workers == 1, train.collectStats());
            }
            // Callers cap this thread's native threads to the per-task plan before creating a strategy.
            case "allreduce" -> new AllreduceStrategy(sc, network, exportDir, train.allreduce(), NativeThreads.current(),
                    train.collectStats());
            default -> throw new IllegalArgumentException("train.strategy = " + train.strategy()
                    + " is not a strategy; use averaging, sharing, allreduce or local");
        };
    }

    private static Path qualified(String uri, JavaSparkContext sc) {
        Path path = new Path(uri);
        try {
            return path.getFileSystem(sc.hadoopConfiguration()).makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + uri + ": " + e.getMessage(), e);
        }
    }
}
