package io.sparktrain.trainer.engine;

import io.sparktrain.config.Strategy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * How many native threads each training task may use so that tasks x threads never exceeds the
 * cores of an executor (oversubscribed ND4J runs about 3x slower).
 */
public final class ThreadPlan {
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(?:,\\s*\\d+)?]");

    private ThreadPlan() {
    }

    /**
     * @param configured {@code train.threads-per-task}; a positive value is taken as is
     * @param strategy   {@code local} trains in one thread of the driver, so it gets every core
     */
    public static int threadsPerTask(int configured, Strategy strategy, SparkConf conf, int machineCores) {
        if (configured > 0) {
            return configured;
        }
        if (strategy == Strategy.LOCAL) {
            return machineCores;
        }
        return sharedByConcurrentTasks(conf, machineCores);
    }

    /** Threads per task when every task slot of an executor runs at once (training or scoring tasks). */
    public static int sharedByConcurrentTasks(SparkConf conf, int machineCores) {
        String master = conf.get("spark.master", "local[*]");
        if (master.equals("local")) {
            return machineCores;
        }
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            int tasks = local.group(1).equals("*") ? machineCores : Integer.parseInt(local.group(1));
            return Math.max(1, machineCores / Math.max(1, tasks));
        }
        // On a cluster each task is granted spark.task.cpus cores of its executor.
        return Math.max(1, conf.getInt("spark.task.cpus", 1));
    }

    /** Tasks one executor runs at once: local[N] runs N; a cluster executor cores / task.cpus. */
    public static int tasksPerExecutor(SparkConf conf, int machineCores) {
        String master = conf.get("spark.master", "local[*]");
        if (master.equals("local")) {
            return 1;
        }
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            return local.group(1).equals("*") ? machineCores : Integer.parseInt(local.group(1));
        }
        return Math.max(1, conf.getInt("spark.executor.cores", 1) / Math.max(1, conf.getInt("spark.task.cpus", 1)));
    }
}
