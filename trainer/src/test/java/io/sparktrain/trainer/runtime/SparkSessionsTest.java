package io.sparktrain.trainer.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.engine.NativeBuildPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars and plugins a driver started by scripts/sparktrain hands to executors. */
class SparkSessionsTest {
    @TempDir
    Path dir;

    private String appJar() throws IOException {
        return Files.createFile(dir.resolve("sparktrain-all.jar")).toString();
    }

    private static SparkConf conf(String master) {
        return new SparkConf(false).setMaster(master);
    }

    @Test
    void clusterExecutorsGetTheAppJar() throws IOException {
        SparkConf conf = conf("spark://127.0.0.1:7077");
        String jar = appJar();
        SparkSessions.shipAppJar(conf, jar);
        assertEquals(jar, conf.get("spark.jars"));
    }

    @Test
    void localMastersRunTasksInTheDriverAndNeedNoJar() throws IOException {
        String jar = appJar();
        for (String master : new String[] {"local", "local[2]", "local[*]", "local[4, 2]"}) {
            SparkConf conf = conf(master);
            SparkSessions.shipAppJar(conf, jar);
            assertFalse(conf.contains("spark.jars"), master);
        }
    }

    @Test
    void jarsSetByTheUserOrSparkSubmitAreKept() throws IOException {
        SparkConf conf = conf("spark://127.0.0.1:7077").set("spark.jars", "/opt/jobs/mine.jar");
        SparkSessions.shipAppJar(conf, appJar());
        assertEquals("/opt/jobs/mine.jar", conf.get("spark.jars"));
    }

    @Test
    void everyExecutorChoosesItsNativeBuildThroughThePluginAndKeepsTheUsersPlugins() {
        String plugin = NativeBuildPlugin.class.getName();
        SparkConf plain = conf("spark://127.0.0.1:7077");
        SparkSessions.addPlugin(plain, plugin);
        assertEquals(plugin, plain.get("spark.plugins"));

        SparkConf withOwn = conf("spark://127.0.0.1:7077").set("spark.plugins", "com.example.Metrics");
        SparkSessions.addPlugin(withOwn, plugin);
        SparkSessions.addPlugin(withOwn, plugin);
        assertEquals("com.example.Metrics," + plugin, withOwn.get("spark.plugins"));
    }

    @Test
    void withoutTheLauncherNothingIsAdded() {
        SparkConf conf = conf("spark://127.0.0.1:7077");
        SparkSessions.shipAppJar(conf, null);
        assertFalse(conf.contains("spark.jars"));
    }

    @Test
    void aMissingAppJarIsReportedWithTheBuildCommand() {
        SparkConf conf = conf("spark://127.0.0.1:7077");
        String missing = dir.resolve("gone.jar").toString();
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SparkSessions.shipAppJar(conf, missing));
        assertTrue(e.getMessage().contains(missing + " (system property sparktrain.app.jar) does not exist"),
                e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B package -DskipTests"), e.getMessage());
    }
}
