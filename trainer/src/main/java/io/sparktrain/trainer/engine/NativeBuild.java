package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deeplearning4j.config.DL4JSystemProperties;

/**
 * Chooses the fastest nd4j-native build this CPU runs, and turns DL4J's oneDNN layer helpers on,
 * before ND4J loads in this JVM.
 *
 * <p>Why: the project carries three builds of libnd4j (generic x86-64, and AVX2 and AVX-512 ones
 * with oneDNN linked in). JavaCPP loads the generic one unless {@value #EXTENSION_PROPERTY} names
 * another, and DL4J 1.0.0-M2 creates no oneDNN helpers unless {@value #HELPERS_PROPERTY} is false.
 * With both, a convolution minibatch of the MNIST CNN runs about 4x faster (../shared/STACK.md).
 * Both properties are read when ND4J loads and when a layer is built, so this runs first: in the
 * CLI's main, in every executor through {@link NativeBuildPlugin}, and before a task touches ND4J.
 *
 * <p>A user's own setting wins: a JVM started with either property set keeps it
 * ({@code -Dorg.bytedeco.javacpp.platform.extension=} forces the generic build).
 */
public final class NativeBuild {
    /** JavaCPP's choice among the builds on the classpath: the suffix of the platform folder. */
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** DL4J's switch for layer helpers: "true" (DL4J's default) disables them. */
    public static final String HELPERS_PROPERTY = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;

    /** Where a build's library lies on the classpath, {@code %s} being its extension. */
    static final String LIBRARY_RESOURCE = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/libnd4jcpu.so";

    /**
     * The builds, fastest first, with the CPU flags (as /proc/cpuinfo names them) each needs:
     * libnd4j compiles them for {@code -march=skylake-avx512} and {@code -march=haswell}.
     */
    public enum Level {
        AVX512("-onednn-avx512", "AVX-512 with oneDNN",
                Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma", "bmi2")),
        AVX2("-onednn-avx2", "AVX2 with oneDNN", Set.of("avx2", "fma", "bmi1", "bmi2", "f16c", "movbe")),
        GENERIC("", "generic x86-64", Set.of());

        private final String extension;
        private final String description;
        private final Set<String> cpuFlags;

        Level(String extension, String description, Set<String> cpuFlags) {
            this.extension = extension;
            this.description = description;
            this.cpuFlags = cpuFlags;
        }

        public String extension() {
            return extension;
        }

        public String description() {
            return description;
        }

        public boolean hasOneDnn() {
            return extension.contains("onednn");
        }

        /** The level a property value names; an extension the project does not carry counts as generic. */
        public static Level ofExtension(String extension) {
            return Stream.of(values()).filter(level -> level.extension.equals(extension)).findFirst().orElse(GENERIC);
        }
    }

    private NativeBuild() {
    }

    /**
     * The fastest build this CPU runs among those the classpath carries.
     *
     * @param cpuFlags the CPU's feature flags, lower case
     * @param carried  whether the classpath has the build of an extension
     */
    static Level choose(Set<String> cpuFlags, Predicate<String> carried) {
        return Stream.of(Level.values())
                .filter(level -> cpuFlags.containsAll(level.cpuFlags) && carried.test(level.extension))
                .findFirst().orElse(Level.GENERIC);
    }

    /**
     * Sets both properties for this JVM where the user has not; a no-op once done. Effective only
     * before ND4J's backend loads here, so callers run it before anything touches ND4J.
     *
     * @return the build this JVM asks JavaCPP for
     */
    public static synchronized Level select() {
        if (System.getProperty(HELPERS_PROPERTY) == null) {
            System.setProperty(HELPERS_PROPERTY, "false");
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen == null) {
            chosen = choose(cpuFlags(), NativeBuild::carried).extension;
            System.setProperty(EXTENSION_PROPERTY, chosen);
        }
        return Level.ofExtension(chosen);
    }

    /** Whether DL4J creates layer helpers in this JVM, as it reads {@value #HELPERS_PROPERTY}. */
    public static boolean helpersAllowed() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_PROPERTY, DL4JSystemProperties.HELPER_DISABLE_DEFAULT_VALUE));
    }

    /** The build that {@link #select} asked for in this JVM, if it ran or the user set one. */
    public static Optional<Level> requested() {
        return Optional.ofNullable(System.getProperty(EXTENSION_PROPERTY)).map(Level::ofExtension);
    }

    static boolean carried(String extension) {
        return NativeBuild.class.getClassLoader().getResource(String.format(LIBRARY_RESOURCE, extension)) != null;
    }

    /** This CPU's feature flags from /proc/cpuinfo; none where there is no such file (not Linux). */
    static Set<String> cpuFlags() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return flagsOf(lines.toList());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** The flags of the first processor in /proc/cpuinfo's lines. */
    static Set<String> flagsOf(List<String> cpuinfoLines) {
        return cpuinfoLines.stream()
                .filter(line -> line.startsWith("flags"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .map(flags -> Arrays.stream(flags.split("\\s+")).map(String::toLowerCase).collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
