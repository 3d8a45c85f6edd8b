package io.sparktrain.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A project script ({@code scripts/NAME}) run as a user runs it: a separate process in the project
 * folder. Its output goes to a file rather than a pipe, so that a script that hangs can be stopped
 * at its timeout and what it printed still shown.
 *
 * @param exit   the script's exit code
 * @param output stdout and stderr, interleaved as printed
 */
public record ScriptRun(int exit, String output) {
    /**
     * Runs {@code bash scripts/NAME ARGS...} in the project folder; fails the test if it runs past
     * {@code timeout} (the script and every process it started are killed).
     *
     * @param env variables added to the test's environment
     */
    public static ScriptRun run(Duration timeout, Map<String, String> env, String script, List<String> args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("sparktrain-" + script + "-", ".log");
        try {
            ProcessBuilder builder = processBuilder(script, args).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            List<String> command = builder.command();
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish within " + timeout + "; it printed:\n"
                        + Files.readString(log));
            }
            return new ScriptRun(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** {@code bash scripts/NAME ARGS...} in the project folder, stderr merged into stdout. */
    static ProcessBuilder processBuilder(String script, List<String> args) {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/" + script));
        command.addAll(args);
        return new ProcessBuilder(command).directory(TestData.projectDir()).redirectErrorStream(true);
    }

    public static ScriptRun run(Duration timeout, String script, String... args)
            throws IOException, InterruptedException {
        return run(timeout, Map.of(), script, List.of(args));
    }
}
