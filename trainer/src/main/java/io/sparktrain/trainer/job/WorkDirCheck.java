package io.sparktrain.trainer.job;

import io.sparktrain.config.ConfigException;
import io.sparktrain.config.Strategy;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainSection;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Exported minibatches are written by some executors and read by others, so their work-dir must be
 * one that every executor sees. A directory on this machine's disk ({@code file:}) is only that
 * when every executor runs here: checked before Spark starts instead of failing mid-training on a
 * missing file.
 */
final class WorkDirCheck {
    private WorkDirCheck() {
    }

    static void requireShared(TrainJobConfig config, String master, Configuration hadoop) {
        TrainSection train = config.train();
        if (!train.strategy().exportsMinibatches(train.averaging().approach())) {
            return;
        }
        String workDir = train.averaging().workDir();
        if (scheme(workDir, hadoop).equals("file") && !executorsOnThisMachine(master)) {
            throw new ConfigException(config.source(), List.of("train.averaging.work-dir: is '" + workDir
                    + "', on this machine's disk, but the executors of " + master + " may run on other machines and"
                    + " could not read each other's exported minibatches; set it to a filesystem every executor"
                    + " shares (hdfs://..., s3a://...)"
                    + (train.strategy() == Strategy.AVERAGING ? " or set train.averaging.approach = direct" : "")));
        }
    }

    /** The filesystem scheme of a URI; a path without one is on Hadoop's default filesystem. */
    private static String scheme(String uri, Configuration hadoop) {
        String scheme = new Path(uri).toUri().getScheme();
        return scheme != null ? scheme : FileSystem.getDefaultUri(hadoop).getScheme();
    }

    /** Local masters, and a standalone master on loopback, which only workers on this machine can reach. */
    static boolean executorsOnThisMachine(String master) {
        return master.startsWith("local") || master.startsWith("spark://127.0.0.1:")
                || master.startsWith("spark://localhost:");
    }
}
