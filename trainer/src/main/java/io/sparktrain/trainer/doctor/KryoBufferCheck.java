package io.sparktrain.trainer.doctor;

import org.apache.spark.SparkConf;

/**
 * Parameter averaging sends each worker's parameters and updater state back to the driver as one
 * task result, and allreduce sends rank 0's at the end of every epoch; Kryo serializes each in a
 * single buffer of at most {@code spark.kryoserializer.buffer.max}; a larger network fails with
 * "Kryo serialization failed: Buffer overflow". Spark caps the buffer below 2 GiB.
 */
final class KryoBufferCheck implements Check {
    static final String KEY = "spark.kryoserializer.buffer.max";
    /** Spark rejects buffer.max of 2048m and more. */
    static final long SPARK_LIMIT = 2047 * Bytes.MIB;

    private final OffHeapEstimate estimate;
    private final SparkConf conf;

    KryoBufferCheck(OffHeapEstimate estimate, SparkConf conf) {
        this.estimate = estimate;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "kryo buffer";
    }

    @Override
    public CheckResult run() {
        long need = estimate.stateBytes();
        long max = conf.getSizeAsBytes(KEY, "64m");
        String found = "a worker's result (parameters and " + estimate.optimizer() + " state, " + Bytes.format(need)
                + ") must fit " + KEY + " = " + Bytes.format(max);
        // Room for the result's other fields and Kryo's own framing.
        long advised = need + need / 10 + Bytes.MIB;
        if (advised <= max) {
            return CheckResult.ok(found);
        }
        if (advised > SPARK_LIMIT) {
            return CheckResult.fail(found + ", but Spark caps that buffer at 2047m",
                    "use train.strategy = sharing (it sends sparse updates, not whole parameter vectors), or a smaller"
                            + " network");
        }
        return CheckResult.fail(found + ": every averaging round or allreduce epoch would fail with 'Kryo serialization failed: Buffer"
                + " overflow'", "set spark.conf.\"" + KEY + "\" = " + Bytes.ceilMib(advised) + "m");
    }
}
