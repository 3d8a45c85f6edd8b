package io.sparktrain.trainer.engine;

import java.util.Map;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.PluginContext;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Runs {@link NativeBuild#select} in every executor JVM as it starts, before any task can load
 * ND4J: executors may run on other CPUs than the driver, so each chooses its own build. Jobs
 * register it in {@code spark.plugins} (runtime.SparkSessions).
 */
public final class NativeBuildPlugin implements SparkPlugin {
    @Override
    public DriverPlugin driverPlugin() {
        return null;
    }

    @Override
    public ExecutorPlugin executorPlugin() {
        return new ExecutorPlugin() {
            @Override
            public void init(PluginContext context, Map<String, String> extraConf) {
                NativeBuild.select();
            }
        };
    }
}
