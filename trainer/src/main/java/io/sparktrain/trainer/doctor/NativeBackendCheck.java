package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.engine.NativeBuild;
import java.util.Properties;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.Nd4jCpu;

/**
 * ND4J's native CPU backend must load (natives for this OS and CPU, a recent enough glibc); the
 * check says which build runs (instruction set, oneDNN) and whether DL4J's oneDNN layer helpers
 * are active, and warns where this CPU would run a faster build or the helpers are off: the
 * convolution layers then run about 4x slower.
 */
final class NativeBackendCheck implements Check {
    /** What the loaded backend says of itself. ND4J's levels: 3 AVX-512, 2 AVX/AVX2, else generic. */
    record Facts(String backend, String blas, int binaryLevel, int optimalLevel, boolean oneDnn, boolean helpersActive) {
    }

    @Override
    public String name() {
        return "native backend";
    }

    @Override
    public CheckResult run() {
        Facts facts;
        try {
            Nd4j.getBackend();
            Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
            NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
            boolean oneDnn = Nd4jCpu.Environment.getInstance().isUseMKLDNN();
            facts = new Facts(String.valueOf(environment.get("backend")), String.valueOf(environment.get("blas.vendor")),
                    ops.binaryLevel(), ops.optimalLevel(), oneDnn,
                    NativeBuild.helpersAllowed() && BaseMKLDNNHelper.mklDnnEnabled());
        } catch (RuntimeException | LinkageError e) {
            return CheckResult.fail("ND4J's native backend did not load: " + e,
                    "run on an OS/CPU that nd4j-native has natives for (the uber jar carries linux-x86_64) with glibc"
                            + " 2.17 or newer; the error names the library that is missing");
        }
        return judge(facts);
    }

    static CheckResult judge(Facts facts) {
        String found = String.format("ND4J %s backend, BLAS %s, %s on a CPU with %s; DL4J's oneDNN layer helpers %s",
                facts.backend(), facts.blas(), build(facts.binaryLevel(), facts.oneDnn()),
                level(facts.optimalLevel()), facts.helpersActive() ? "active" : "off");
        if (facts.binaryLevel() < facts.optimalLevel() && facts.optimalLevel() >= 2) {
            NativeBuild.Level faster = facts.optimalLevel() == 3 ? NativeBuild.Level.AVX512 : NativeBuild.Level.AVX2;
            return CheckResult.warn(found + "; this CPU runs the faster " + faster.description() + " build",
                    "let sparktrain choose the build: do not set -D" + NativeBuild.EXTENSION_PROPERTY
                            + " (or set it to " + faster.extension() + "); the uber jar carries it");
        }
        if (facts.oneDnn() && !facts.helpersActive()) {
            return CheckResult.warn(found + "; convolution and pooling layers run without oneDNN, about 4x slower",
                    "do not set -D" + NativeBuild.HELPERS_PROPERTY + "=true (sparktrain sets it to false)");
        }
        return CheckResult.ok(found);
    }

    /** The build loaded in this JVM, e.g. "AVX512 build with oneDNN"; loads ND4J. */
    static String loadedBuild() {
        return build(NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel(),
                Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    private static String build(int binaryLevel, boolean oneDnn) {
        return level(binaryLevel) + " build" + (oneDnn ? " with oneDNN" : "");
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
