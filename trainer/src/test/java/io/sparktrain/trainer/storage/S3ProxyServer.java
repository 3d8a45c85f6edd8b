package io.sparktrain.trainer.storage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real S3 endpoint on 127.0.0.1 for tests: S3Proxy with its filesystem backend, in a JVM of its
 * own (its jar bundles Jetty and jclouds), from the copy the build puts in
 * {@code target/s3proxy/}. A bucket is a folder of the backend, so it is made before start.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "sparktrain-test-access";
    /** Never to appear in logs, bundles or messages. */
    static final String SECRET_KEY = "sparktrain-test-SECRET-4f1c9a";

    private final Process process;
    private final int port;
    private final String bucket;

    private S3ProxyServer(Process process, int port, String bucket) {
        this.process = process;
        this.port = port;
        this.bucket = bucket;
    }

    static S3ProxyServer start(Path dir, String bucket) throws IOException, InterruptedException {
        File jar = new File(System.getProperty("sparktrain.project.dir"), "trainer/target/s3proxy/s3proxy.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException(jar + " is missing; the build copies it in pre-integration-test: run the"
                    + " integration tests with mvn verify (scripts/test)");
        }
        Path backend = Files.createDirectories(dir.resolve("backend"));
        Files.createDirectories(backend.resolve(bucket));
        int port = freePort();
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + backend, ""));
        Process process = new ProcessBuilder(List.of(javaBinary(), "-jar", jar.toString(), "--properties",
                properties.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile())
                .start();
        S3ProxyServer server = new S3ProxyServer(process, port, bucket);
        server.awaitReady(dir.resolve("s3proxy.log"));
        return server;
    }

    String bucketUri() {
        return "s3a://" + bucket;
    }

    /** Spark properties that point s3a at this endpoint, path-style, with the test credentials. */
    Map<String, String> sparkConf() {
        return Map.of(
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:" + port,
                "spark.hadoop.fs.s3a.path.style.access", "true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled", "false",
                "spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "spark.hadoop.fs.s3a.access.key", ACCESS_KEY,
                "spark.hadoop.fs.s3a.secret.key", SECRET_KEY,
                "spark.hadoop.fs.s3a.change.detection.mode", "none");
    }

    private void awaitReady(Path log) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited at start: " + Files.readString(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("S3Proxy did not answer on port " + port + " within 60 s: " + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
