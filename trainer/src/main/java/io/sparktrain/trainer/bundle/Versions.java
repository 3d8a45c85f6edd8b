package io.sparktrain.trainer.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Versions of everything that shaped a model, recorded in every bundle: the code that trained it
 * and the libraries whose numerics or file formats it depends on.
 */
public record Versions(String sparktrain, String dl4j, String spark, String scala, String hadoop, String java) {

    /** Versions of this JVM; {@code sparkVersion} is the running Spark's, not the one compiled against. */
    public static Versions current(String sparkVersion) {
        Properties build = buildProperties();
        return new Versions(build.getProperty("sparktrain.version"), build.getProperty("dl4j.version"), sparkVersion,
                scalaVersion(), org.apache.hadoop.util.VersionInfo.getVersion(),
                System.getProperty("java.version"));
    }

    /** The Scala library's own version file (the field name {@code scala} hides the package here). */
    private static String scalaVersion() {
        Properties library = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/library.properties")) {
            if (in != null) {
                library.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return library.getProperty("version.number", "unknown");
    }

    /** Versions filled in by Maven when the jar was built. */
    public static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("/io/sparktrain/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/sparktrain/build.properties is missing from the classpath;"
                        + " rebuild sparktrain with mvn package");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
