package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.bundle.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code --add-opens} Spark needs on Java 17, as the parent pom lists them
 * ({@code spark.java17.opens}, copied into build.properties), and which of them this JVM lacks.
 *
 * <p>Asks the JVM itself ({@link Module#isOpen(String, Module)}) whether each package is open to
 * the unnamed modules Spark's classes live in: that is exactly the access Spark's reflection gets.
 */
final class ModuleOpens {
    private static final String FLAG = "--add-opens=";

    private ModuleOpens() {
    }

    /** E.g. {@code java.base/sun.nio.ch}, in the pom's order. */
    static List<String> required() {
        String flags = Versions.buildProperties().getProperty("spark.java17.opens", "");
        List<String> packages = new ArrayList<>();
        for (String flag : flags.trim().split("\\s+")) {
            if (flag.startsWith(FLAG)) {
                packages.add(flag.substring(FLAG.length(), flag.lastIndexOf('=')));
            }
        }
        return packages;
    }

    /** The required packages that are not open to this class's (unnamed) module. */
    static List<String> missing() {
        Module unnamed = ModuleOpens.class.getModule();
        List<String> missing = new ArrayList<>();
        for (String modulePackage : required()) {
            int slash = modulePackage.indexOf('/');
            Optional<Module> module = ModuleLayer.boot().findModule(modulePackage.substring(0, slash));
            if (module.isEmpty() || !module.get().isOpen(modulePackage.substring(slash + 1), unnamed)) {
                missing.add(modulePackage);
            }
        }
        return missing;
    }

    /** The JVM flag that opens a package, as the pom writes it. */
    static String flag(String modulePackage) {
        return FLAG + modulePackage + "=ALL-UNNAMED";
    }
}
