package io.sparktrain.trainer.doctor;

/** Byte counts as people read them, and rounded up to what Spark settings take. */
final class Bytes {
    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;

    private Bytes() {
    }

    /** E.g. {@code 384 MiB}, {@code 1.6 GiB}, {@code 3.1 MiB}, {@code 12 KiB}. */
    static String format(long bytes) {
        if (bytes >= GIB) {
            return String.format("%.1f GiB", bytes / (double) GIB);
        }
        if (bytes >= 10 * MIB) {
            return String.format("%.0f MiB", bytes / (double) MIB);
        }
        if (bytes >= MIB) {
            return String.format("%.1f MiB", bytes / (double) MIB);
        }
        return String.format("%.0f KiB", Math.ceil(bytes / 1024.0));
    }

    /** Whole MiB, rounded up, for settings such as {@code spark.executor.memoryOverhead = 2048m}. */
    static long ceilMib(long bytes) {
        return (bytes + MIB - 1) / MIB;
    }
}
