package io.sparktrain.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import io.sparktrain.pipeline.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code scripts/sparktrain} started in the background, its output collected line by line so a
 * test can wait for a given line and, say, stop the job then. For runs to completion use
 * {@link ScriptRun}.
 */
public final class Launched {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private Launched(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "launched-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static Launched start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** Any command line, e.g. a plain {@code java} one, started in the project folder like the launcher. */
    public static Launched startCommand(List<String> command) throws IOException {
        return new Launched(new ProcessBuilder(command).directory(TestData.projectDir()).redirectErrorStream(true).start());
    }

    /** @param env variables added to the test's environment */
    public static Launched start(Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = ScriptRun.processBuilder("sparktrain", List.of(args));
        builder.environment().putAll(env);
        return new Launched(builder.start());
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("[output closed: " + e + "]");
            }
        }
    }

    /** Waits until a line matches, or fails with the output so far. */
    public String awaitLine(Predicate<String> matches, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (matches.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    throw new AssertionError("no matching line after " + seconds + "s; output:\n" + output());
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, TimeUnit.SECONDS.toNanos(1)))));
            }
        }
    }

    public int awaitExit(int minutes) throws InterruptedException {
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("still running after " + minutes + " min; output:\n" + output());
        }
        reader.join(10_000);
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C or a cluster manager's preemption sends. */
    public int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit(2);
    }

    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
