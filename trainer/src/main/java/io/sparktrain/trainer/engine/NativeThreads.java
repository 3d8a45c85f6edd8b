package io.sparktrain.trainer.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Caps the native (OpenMP and BLAS) threads ND4J uses in this JVM.
 *
 * <p>ND4J 1.0.0-M2 always starts with 4 OpenMP threads and ignores {@code OMP_NUM_THREADS}. With
 * several Spark tasks per executor, tasks x threads then exceeds the cores and training runs about
 * 3x slower, so every JVM that trains (driver in local mode, each executor) calls this first.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    public static void limitTo(int threads) {
        int n = Math.max(1, threads);
        // Nd4j's backend must be loaded before NativeOpsHolder can be touched.
        Nd4j.getBackend();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    public static int current() {
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
