package io.sparktrain.trainer.engine;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Caps the native threads ND4J uses, for the whole JVM: the count is one per JVM, and the last
 * call sets it for every thread, including tasks of other jobs that run in the same executor.
 *
 * <p>Why not per task: ND4J 1.0.0-M2 on the CPU keeps its counts in process-wide state. Its own
 * thread pool, which runs most ops, sizes each parallel loop by {@code Environment::maxMasterThreads}
 * (a global atomic in libnd4j's {@code Environment}); OpenBLAS's thread count is a process global
 * too. {@code Environment.setMaxThreads} is a no-op in M2 (its body is commented out in libnd4j),
 * and {@code setMaxMasterThreads} is capped at {@code maxThreads}, the pool's size, which ND4J fixes
 * at start to the machine's cores. Only OpenMP's count is per thread: {@code setOmpNumThreads} calls
 * {@code omp_set_num_threads}, which sets the calling thread's own value. Measured on M2: a count set
 * in one thread is what every other thread reads for the pool and BLAS, while OpenMP's stays the
 * other threads' own. So a per-task setting cannot be had without serialising the tasks.
 *
 * <p>The rule that makes one count per JVM right: every use plans it the same way, the cores of its
 * executor shared by the tasks it runs at once ({@code ThreadPlan}). Training tasks and scoring tasks
 * of one executor therefore ask for the same count, and whichever calls last changes nothing. Two
 * settings break the rule, and then the last call wins for all: {@code train.threads-per-task}, which
 * a job sets for every JVM it runs in, and the {@code local} strategy, which trains in the driver with
 * every core. Tasks that batch or score call this as they start, so a job's later tasks take their
 * count back once another job's tasks are done.
 *
 * <p>ND4J M2 starts with 4 OpenMP threads in the thread that loads it and ignores
 * {@code OMP_NUM_THREADS}; with several Spark tasks per executor, tasks x threads then exceeds the
 * cores and training runs about 3x slower, so every JVM that trains or scores calls this first.
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /** Sets this JVM's native thread count (at most the cores ND4J's pool has), and the calling thread's OpenMP count. */
    public static void limitTo(int threads) {
        int n = Math.max(1, threads);
        // The first touch of ND4J in a task's JVM may be here: choose the native build before it loads.
        NativeBuild.select();
        // Nd4j's backend must be loaded before NativeOpsHolder can be touched.
        Nd4j.getBackend();
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }

    /** The count ND4J's thread pool uses in this JVM now, whichever thread set it. */
    public static int current() {
        Nd4j.getBackend();
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
