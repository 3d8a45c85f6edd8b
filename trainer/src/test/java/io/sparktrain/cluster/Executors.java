package io.sparktrain.cluster;

import java.nio.file.Path;
import java.util.List;

/** The Spark executor JVMs of one cluster, found by their main class and the cluster's Spark jars. */
final class Executors {
    private Executors() {
    }

    /** @param clusterDir the cluster's folder; its executors' class path lies under it */
    static List<Long> pids(Path clusterDir) {
        return ProcessHandle.allProcesses()
                .filter(p -> {
                    String command = p.info().commandLine().orElse("");
                    return command.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                            && command.contains(clusterDir.toString());
                })
                .map(ProcessHandle::pid)
                .toList();
    }
}
