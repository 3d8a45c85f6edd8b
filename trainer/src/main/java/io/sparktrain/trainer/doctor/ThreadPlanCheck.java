package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.engine.ThreadPlan;
import org.apache.spark.SparkConf;

/**
 * Tasks running at once on an executor times ND4J's native threads per task must not exceed the
 * executor's cores: oversubscribed, ND4J trains about 3x slower.
 */
final class ThreadPlanCheck implements Check {
    private final int configuredThreads;
    private final int threads;
    private final int tasks;
    private final SparkConf conf;
    private final int machineCores;

    /**
     * @param configuredThreads {@code train.threads-per-task}; 0 = sparktrain's plan
     * @param threads           native threads per task, as {@link ThreadPlan} plans them
     * @param tasks             tasks training at once on one executor
     * @param machineCores      cores of this machine, which local mode's executors share
     */
    ThreadPlanCheck(int configuredThreads, int threads, int tasks, SparkConf conf, int machineCores) {
        this.configuredThreads = configuredThreads;
        this.threads = threads;
        this.tasks = tasks;
        this.conf = conf;
        this.machineCores = machineCores;
    }

    @Override
    public String name() {
        return "native threads";
    }

    @Override
    public CheckResult run() {
        String plan = tasks + " task(s) x " + threads + " native thread(s)";
        boolean local = SparkMaster.isLocal(conf);
        if (!local && !conf.contains("spark.executor.cores")) {
            return CheckResult.ok(plan + " per executor; spark.executor.cores is not set, so the cluster manager"
                    + " decides the cores (the executors line shows what they have)");
        }
        int cores = local ? machineCores : conf.getInt("spark.executor.cores", 1);
        String found = plan + " = " + (long) tasks * threads + " on " + cores + " core(s)"
                + (local ? " of this machine (" + SparkMaster.of(conf) + ")" : " per executor (spark.executor.cores)");
        if ((long) tasks * threads <= cores) {
            return CheckResult.ok(found);
        }
        String fix = configuredThreads > 0
                ? "set train.threads-per-task = " + Math.max(1, cores / tasks) + ", or 0 to let sparktrain plan it"
                : "run at most " + cores + " task(s) at once: " + (local ? "--master local[" + cores + "]"
                        : "lower spark.executor.cores or raise spark.task.cpus");
        return CheckResult.warn(found + ": oversubscribed, ND4J trains about 3x slower", fix);
    }
}
