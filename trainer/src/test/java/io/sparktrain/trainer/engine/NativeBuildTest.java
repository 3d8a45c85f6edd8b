package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.engine.NativeBuild.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jCpu;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Which nd4j-native build runs: the choice from CPU flags and the builds carried, the build this
 * test JVM loaded (chosen as the CLI chooses, by {@code testing.NativeBuildSession}), and the
 * forced generic fallback in a JVM of its own, which must still train.
 */
class NativeBuildTest {
    private static final Set<String> SKYLAKE_X = Set.of("avx2", "fma", "bmi1", "bmi2", "f16c", "movbe",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");
    private static final Set<String> HASWELL = Set.of("avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe");

    @Test
    void choosesTheFastestBuildTheCpuRunsAmongThoseCarried() {
        assertEquals(Level.AVX512, NativeBuild.choose(SKYLAKE_X, extension -> true));
        assertEquals(Level.AVX2, NativeBuild.choose(HASWELL, extension -> true));
        assertEquals(Level.AVX2, NativeBuild.choose(SKYLAKE_X, extension -> !extension.equals("-onednn-avx512")));
        assertEquals(Level.GENERIC, NativeBuild.choose(Set.of("sse4_2", "avx"), extension -> true));
        assertEquals(Level.GENERIC, NativeBuild.choose(Set.of(), extension -> true));
        // AVX-512F alone (Knights Landing) lacks the BW/DQ/VL parts the skylake-avx512 build uses.
        Set<String> knightsLanding = new HashSet<>(HASWELL);
        knightsLanding.add("avx512f");
        knightsLanding.add("avx512cd");
        assertEquals(Level.AVX2, NativeBuild.choose(knightsLanding, extension -> true));
    }

    @Test
    void readsTheFlagsOfProcCpuinfo() {
        Set<String> flags = NativeBuild.flagsOf(List.of("processor\t: 0", "model name\t: Some CPU",
                "flags\t\t: fpu sse2 AVX2 fma avx512f", "bugs\t\t: none", "flags\t\t: ignored"));
        assertEquals(Set.of("fpu", "sse2", "avx2", "fma", "avx512f"), flags);
        assertEquals(Set.of(), NativeBuild.flagsOf(List.of("processor : 0")));
    }

    @Test
    void theProjectCarriesTheGenericAndBothOneDnnBuilds() {
        for (Level level : Level.values()) {
            assertTrue(NativeBuild.carried(level.extension()), level + " is not on the classpath");
        }
        assertFalse(NativeBuild.carried("-onednn"), "the oneDNN build without AVX2 is not carried (its size)");
    }

    @Test
    void thisJvmRunsTheBuildChosenForItsCpu() {
        Level expected = NativeBuild.choose(NativeBuild.cpuFlags(), NativeBuild::carried);
        assertEquals(expected, NativeBuild.requested().orElseThrow());
        Nd4j.getBackend();
        int binaryLevel = NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel();
        if (expected == Level.GENERIC) {
            assertTrue(binaryLevel < 2, "ND4J's binary level for the generic build: " + binaryLevel);
        } else {
            assertEquals(expected == Level.AVX512 ? 3 : 2, binaryLevel, "ND4J's binary level for " + expected);
        }
        assertEquals(expected.hasOneDnn(),
                Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    @Test
    void theGenericBuildForcedByTheUserStillTrains() throws IOException, InterruptedException {
        Map<String, String> facts = probe("-D" + NativeBuild.EXTENSION_PROPERTY + "=");
        assertEquals("GENERIC", facts.get("requested"), facts.toString());
        assertTrue(Integer.parseInt(facts.get("binaryLevel")) < 2, facts.toString());
        assertEquals("false", facts.get("oneDnn"), facts.toString());
        assertEquals("none", facts.get("convHelper"), facts.toString());
        assertEquals("true", facts.get("lossFell"), facts.toString());
    }

    @Test
    void aJvmLeftToChooseGetsTheOneDnnHelpersWhereItsBuildHasThem() throws IOException, InterruptedException {
        Map<String, String> facts = probe();
        Level expected = NativeBuild.choose(NativeBuild.cpuFlags(), NativeBuild::carried);
        assertEquals(expected.name(), facts.get("requested"), facts.toString());
        assertEquals(expected.hasOneDnn() ? "MKLDNNConvHelper" : "none", facts.get("convHelper"), facts.toString());
        assertEquals("true", facts.get("lossFell"), facts.toString());
    }

    /** Runs {@link NativeBuildProbe} in a JVM of its own, on this test's classpath. */
    private static Map<String, String> probe(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), NativeBuildProbe.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not end");
        assertEquals(0, process.exitValue(), output);
        Map<String, String> facts = new HashMap<>();
        output.lines().filter(line -> line.matches("[A-Za-z]+=.*")).forEach(line -> {
            int at = line.indexOf('=');
            facts.put(line.substring(0, at), line.substring(at + 1));
        });
        return facts;
    }
}
