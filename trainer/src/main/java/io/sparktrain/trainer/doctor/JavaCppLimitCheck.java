package io.sparktrain.trainer.doctor;

import org.apache.spark.SparkConf;
import org.bytedeco.javacpp.Pointer;

/**
 * ND4J allocates through JavaCPP, which refuses to go beyond {@code org.bytedeco.javacpp.maxbytes}
 * off-heap (default: the JVM's maximum heap) or {@code maxphysicalbytes} for the whole process,
 * with "Cannot allocate ... totalBytes > maxBytes". In local mode that is this JVM's limit; on a
 * cluster each executor's, from {@code spark.executor.extraJavaOptions} and its heap.
 */
final class JavaCppLimitCheck implements Check {
    static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    /** JavaCPP's limits in one JVM; {@code maxPhysicalBytes} 0 means none. */
    record Limits(long heapBytes, long maxBytes, long maxPhysicalBytes) {
        static Limits thisJvm() {
            return new Limits(Runtime.getRuntime().maxMemory(), Pointer.maxBytes(), Pointer.maxPhysicalBytes());
        }
    }

    private final OffHeapEstimate estimate;
    private final SparkConf conf;
    private final Limits thisJvm;

    /** @param thisJvm the limits of this JVM, which hosts the executors in local mode */
    JavaCppLimitCheck(OffHeapEstimate estimate, SparkConf conf, Limits thisJvm) {
        this.estimate = estimate;
        this.conf = conf;
        this.thisJvm = thisJvm;
    }

    @Override
    public String name() {
        return "javacpp limit";
    }

    @Override
    public CheckResult run() {
        boolean local = SparkMaster.isLocal(conf);
        Limits limits = local ? thisJvm : executorLimits();
        long need = estimate.executorBytes();
        String where = local ? "in this JVM (local mode)" : "per executor";
        String fix = local
                ? "give this JVM more heap (SPARKTRAIN_DRIVER_MEMORY=16g scripts/sparktrain ...) or -D" + MAX_BYTES
                        + "=" + Bytes.ceilMib(need) + "m, or lower train.batch-size"
                : "add -D" + MAX_BYTES + "=" + Bytes.ceilMib(need) + "m to spark.conf.\"spark.executor.extraJavaOptions\""
                        + " (and raise spark.executor.memoryOverhead to match), or raise spark.executor.memory";
        String needs = "ND4J needs ~" + Bytes.format(need) + " off-heap " + where;
        if (need > limits.maxBytes()) {
            return CheckResult.fail(needs + " but JavaCPP allows " + Bytes.format(limits.maxBytes()) + " (" + MAX_BYTES
                    + ", by default the heap): allocations will fail with 'totalBytes > maxBytes'", fix);
        }
        if (limits.maxPhysicalBytes() > 0 && limits.heapBytes() + need > limits.maxPhysicalBytes()) {
            return CheckResult.fail(needs + " and the heap is " + Bytes.format(limits.heapBytes()) + ", together more than "
                    + MAX_PHYSICAL_BYTES + " = " + Bytes.format(limits.maxPhysicalBytes()), "raise -D" + MAX_PHYSICAL_BYTES
                    + " to at least " + Bytes.ceilMib(limits.heapBytes() + need) + "m, or remove it");
        }
        return CheckResult.ok(needs + "; JavaCPP allows " + Bytes.format(limits.maxBytes()) + " off-heap"
                + (limits.maxPhysicalBytes() > 0 ? " and " + Bytes.format(limits.maxPhysicalBytes()) + " in all" : ""));
    }

    /** An executor's limits from its heap and the -D options Spark starts it with. */
    private Limits executorLimits() {
        long heap = conf.getSizeAsBytes("spark.executor.memory", "1g");
        String options = conf.get("spark.executor.extraJavaOptions", "");
        long maxBytes = JavaOptions.property(options, MAX_BYTES).map(v -> Pointer.parseBytes(v, heap)).orElse(heap);
        long maxPhysical = JavaOptions.property(options, MAX_PHYSICAL_BYTES).map(v -> Pointer.parseBytes(v, heap)).orElse(0L);
        return new Limits(heap, maxBytes, maxPhysical);
    }
}
