package io.sparktrain.trainer.engine;

import io.sparktrain.config.AveragingApproach;
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
        boolean export = train.averaging().approach() == AveragingApproach.EXPORT;
        return switch (train.strategy()) {
            case LOCAL -> new LocalStrategy(network);
            case AVERAGING -> new SparkStrategy(sc, network, TrainingMasters.averaging(train.averaging(),
                    sc.defaultParallelism(), train.batchSize(), seed, train.collectStats()), exportDir, export,
                    false, train.collectStats());
            case SHARING -> {
                SharingSupport.prepareDriver(sc);
                int workers = train.sharing().workersPerNode() > 0 ? train.sharing().workersPerNode() : tasksPerExecutor;
                // Gradient sharing always trains from exported minibatches. One training thread per executor
                // trains DL4J's replica itself, which can be synced; several train copies of it.
                yield new SparkStrategy(sc, network, TrainingMasters.sharing(train.sharing(), train.batchSize(), workers,
                        SharingSupport.controllerAddress(train.sharing(), sc),
                        SharingSupport.portSupplier(train.sharing(), sc), train.averaging().prefetch(),
                        train.collectStats()), exportDir, true, workers == 1, train.collectStats());
            }
            case ALLREDUCE -> new AllreduceStrategy(sc, network, exportDir, train.allreduce(),
                    ThreadPlan.threadsPerTask(train.threadsPerTask(), train.strategy(), sc.getConf(),
                            Runtime.getRuntime().availableProcessors()), train.collectStats());
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
