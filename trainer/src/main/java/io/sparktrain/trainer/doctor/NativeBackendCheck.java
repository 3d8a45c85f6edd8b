package io.sparktrain.trainer.doctor;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's native CPU backend must load (natives for this OS and CPU, a recent enough glibc), and
 * says which BLAS and instruction set it runs with: a generic x86 binary on an AVX2 or AVX512 CPU
 * leaves speed unused.
 */
final class NativeBackendCheck implements Check {
    @Override
    public String name() {
        return "native backend";
    }

    @Override
    public CheckResult run() {
        Properties environment;
        NativeOps ops;
        try {
            Nd4j.getBackend();
            environment = Nd4j.getExecutioner().getEnvironmentInformation();
            ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.fail("ND4J's native backend did not load: " + e,
                    "run on an OS/CPU that nd4j-native has natives for (the uber jar carries linux-x86_64) with glibc"
                            + " 2.17 or newer; the error names the library that is missing");
        }
        String found = String.format("ND4J %s backend, BLAS %s, %s cores, %s binary on a CPU with %s",
                environment.get("backend"), environment.get("blas.vendor"), environment.get("cores"),
                level(ops.binaryLevel()), level(ops.optimalLevel()));
        if (ops.binaryLevel() < ops.optimalLevel() && ops.optimalLevel() >= 2) {
            found += " (nd4j-native's " + (ops.optimalLevel() == 2 ? "avx2" : "avx512")
                    + " classifier would use it, faster)";
        }
        return CheckResult.ok(found);
    }

    /** ND4J's own names for its instruction set levels (as in CpuNDArrayFactory's start-up message). */
    static String level(int level) {
        return switch (level) {
            case 2 -> "AVX/AVX2";
            case 3 -> "AVX512";
            default -> "generic x86";
        };
    }
}
