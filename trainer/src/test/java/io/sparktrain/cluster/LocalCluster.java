package io.sparktrain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.testing.ScriptRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The standalone cluster of {@code scripts/cluster} for integration tests: a master and workers as
 * separate JVMs on 127.0.0.1. It gets a work folder of its own and free ports, so it never touches
 * a developer's own cluster (work/cluster, port 7077) or another test run's.
 */
final class LocalCluster {
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofMinutes(2);

    private final Path dir;
    private final int port;
    private final int webUiPort;

    LocalCluster(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.webUiPort = freePort();
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Starts the master and the workers; fails with the script's output (and log paths) if it cannot. */
    void start(int workers, int cores, String memory) throws IOException, InterruptedException {
        ScriptRun run = cluster("start", START, "--workers", String.valueOf(workers), "--cores", String.valueOf(cores),
                "--memory", memory, "--port", String.valueOf(port), "--webui-port", String.valueOf(webUiPort));
        assertEquals(0, run.exit(), "scripts/cluster could not start a cluster in " + dir + ":\n" + run.output());
        System.out.println(run.output());
    }

    /** {@code scripts/cluster submit ARGS...}: spark-submit from the cluster's Spark jars. */
    ScriptRun submit(Duration timeout, List<String> sparkSubmitArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--dir", dir.toString(), "submit"));
        args.addAll(sparkSubmitArgs);
        return ScriptRun.run(timeout, Map.of(), "cluster", args);
    }

    /** Stops every JVM of the cluster and checks that none is left, executors included. */
    void stop() throws IOException, InterruptedException {
        ScriptRun run = cluster("stop", STOP);
        assertEquals(0, run.exit(), "scripts/cluster stop failed:\n" + run.output());
        List<String> left = ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains(dir.resolve("spark-home").toString()))
                .toList();
        assertTrue(left.isEmpty(),
                "JVMs of the cluster in " + dir + " still run after stop:\n" + String.join("\n", left));
    }

    private ScriptRun cluster(String command, Duration timeout, String... options)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command, "--dir", dir.toString()));
        args.addAll(List.of(options));
        return ScriptRun.run(timeout, Map.of(), "cluster", args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
