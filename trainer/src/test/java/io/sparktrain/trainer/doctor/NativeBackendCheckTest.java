package io.sparktrain.trainer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.doctor.NativeBackendCheck.Facts;
import org.junit.jupiter.api.Test;

/** The doctor's native backend line: the build and helpers that run, and a WARN where speed is left unused. */
class NativeBackendCheckTest {
    @Test
    void theFastestBuildWithHelpersActiveIsOk() {
        CheckResult result = NativeBackendCheck.judge(new Facts("CPU", "OPENBLAS", 3, 3, true, true));
        assertEquals(Status.OK, result.status());
        assertTrue(result.message().contains("AVX512 build with oneDNN on a CPU with AVX512; DL4J's oneDNN layer helpers active"),
                result.message());
    }

    @Test
    void aGenericBuildOnAnAvx512CpuWarnsAndNamesTheBuildToUse() {
        CheckResult result = NativeBackendCheck.judge(new Facts("CPU", "OPENBLAS", 1, 3, false, false));
        assertEquals(Status.WARN, result.status());
        assertTrue(result.message().contains("generic x86 build on a CPU with AVX512"), result.message());
        assertTrue(result.message().contains("faster AVX-512 with oneDNN build"), result.message());
        assertTrue(result.fix().contains("-onednn-avx512"), result.fix());
    }

    @Test
    void helpersSwitchedOffOnAOneDnnBuildWarn() {
        CheckResult result = NativeBackendCheck.judge(new Facts("CPU", "OPENBLAS", 2, 2, true, false));
        assertEquals(Status.WARN, result.status());
        assertTrue(result.message().contains("helpers off"), result.message());
        assertTrue(result.fix().contains("org.eclipse.deeplearning4j.helpers.disable"), result.fix());
    }

    @Test
    void aGenericBuildOnAnOldCpuIsOk() {
        assertEquals(Status.OK, NativeBackendCheck.judge(new Facts("CPU", "OPENBLAS", 1, 1, false, false)).status());
    }

    @Test
    void thisJvmReportsTheBuildItRuns() {
        CheckResult result = new NativeBackendCheck().run();
        assertEquals(Status.OK, result.status(), result.message());
    }
}
