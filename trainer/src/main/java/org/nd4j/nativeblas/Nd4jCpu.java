package org.nd4j.nativeblas;

/**
 * The class name DL4J 1.0.0-M2's oneDNN layer helpers look for, pointing at where ND4J M2 moved it.
 *
 * <p>Why it exists: {@code BaseMKLDNNHelper.mklDnnEnabled()} loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls {@code isUseMKLDNN()}; in M2
 * that class is {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} with
 * {@code isUseONEDNN()}, so the lookup fails and every helper (convolution, pooling, batch norm) is
 * dropped. This class answers the lookup without patching DL4J's jar. It lives in ND4J's package
 * because that is the name DL4J asks for.
 *
 * <p>ND4J's own flag ({@code isUseONEDNN}) is true on every build, the generic one too, which has no
 * oneDNN: there the helpers would call libnd4j's plain ops instead of DL4J's tested built-in code.
 * So this answers true only where the loaded library was built with oneDNN ({@code HAVE_ONEDNN} in
 * its build info).
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The part of ND4J's native environment that the helper check reads. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private final boolean builtWithOneDnn;

        private Environment() {
            builtWithOneDnn = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded libnd4j was built with oneDNN and uses it. */
        public boolean isUseMKLDNN() {
            return builtWithOneDnn && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
