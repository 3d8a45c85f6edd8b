package io.sparktrain.trainer.doctor;

import org.apache.spark.SparkConf;

/**
 * On a cluster an executor's container is its heap plus {@code spark.executor.memoryOverhead};
 * ND4J's off-heap arrays live in the overhead, and when they outgrow it YARN or Kubernetes kill
 * the executor ("Container killed ... exceeding memory limits"), hours into a job.
 */
final class MemoryOverheadCheck implements Check {
    /** What the JVM itself needs outside the heap: metaspace, thread stacks, Netty's buffers. */
    static final long JVM_NATIVE_BYTES = 384 * Bytes.MIB;
    private static final String KEY = "spark.executor.memoryOverhead";

    private final OffHeapEstimate estimate;
    private final SparkConf conf;

    MemoryOverheadCheck(OffHeapEstimate estimate, SparkConf conf) {
        this.estimate = estimate;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "memory overhead";
    }

    @Override
    public CheckResult run() {
        long need = estimate.executorBytes();
        String needs = "ND4J needs ~" + Bytes.format(need) + " off-heap per executor (" + estimate.describe() + ")";
        boolean local = SparkMaster.isLocal(conf);
        boolean set = conf.contains(KEY);
        if (local && !set) {
            return CheckResult.ok(needs + "; local mode: executors live in this JVM, see the javacpp limit line");
        }
        long heapMib = conf.getSizeAsMb("spark.executor.memory", "1g");
        long overhead = Bytes.MIB * (set ? conf.getSizeAsMb(KEY)
                : Math.max(384, (long) (conf.getDouble("spark.executor.memoryOverheadFactor", 0.1) * heapMib)));
        String has = KEY + " is " + Bytes.format(overhead)
                + (set ? "" : " (Spark's default: max(384 MiB, 10% of spark.executor.memory " + heapMib + "m))");
        if (need + JVM_NATIVE_BYTES <= overhead) {
            return CheckResult.ok(needs + "; " + has);
        }
        String fix = "set spark.conf.\"" + KEY + "\" = " + Bytes.ceilMib(need + JVM_NATIVE_BYTES)
                + "m (the estimate plus 384 MiB for the JVM's own native memory), or lower train.batch-size"
                + " or the tasks per executor";
        if (local) {
            return CheckResult.warn(needs + "; " + has + ": harmless in local mode, but on a cluster these executors"
                    + " would be killed for exceeding their memory", fix);
        }
        if (need > overhead) {
            return CheckResult.fail(needs + "; " + has + ": executors will be killed for exceeding their memory"
                    + " limit (YARN, Kubernetes) or ND4J will fail to allocate", fix);
        }
        return CheckResult.warn(needs + "; " + has + ": under 384 MiB is left for the JVM's own native memory", fix);
    }
}
