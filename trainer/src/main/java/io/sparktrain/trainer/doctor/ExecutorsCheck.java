package io.sparktrain.trainer.doctor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs {@link ExecutorProbe} on the executors themselves and judges what they report, so that
 * problems of the cluster side (another Java, natives that do not load, fewer cores, a taken port,
 * a full /dev/shm) show before training, not only the driver's.
 */
final class ExecutorsCheck implements Check {
    private final Supplier<JavaSparkContext> spark;
    private final int threadsPerTask;
    private final int tasksPerExecutor;
    private final int sharingPort;
    private final Duration timeout;

    /**
     * @param spark       starts Spark (or returns the running context) when the check runs
     * @param sharingPort train.sharing.port for gradient sharing, 0 otherwise
     * @param timeout     how long to wait for executors; a cluster without free resources never answers
     */
    ExecutorsCheck(Supplier<JavaSparkContext> spark, int threadsPerTask, int tasksPerExecutor, int sharingPort,
            Duration timeout) {
        this.spark = spark;
        this.threadsPerTask = threadsPerTask;
        this.tasksPerExecutor = tasksPerExecutor;
        this.sharingPort = sharingPort;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "executors";
    }

    @Override
    public boolean usesSpark() {
        return true;
    }

    @Override
    public CheckResult run() {
        JavaSparkContext sc;
        try {
            sc = spark.get();
        } catch (Exception e) {
            // Exception: SparkContext's start throws SparkException, checked but undeclared.
            return CheckResult.fail("Spark did not start: " + e, "fix what the error names (--master, spark.master,"
                    + " spark.conf)");
        }
        List<ExecutorFacts> facts;
        try {
            facts = ExecutorProbe.run(sc, threadsPerTask, sharingPort, timeout);
        } catch (TimeoutException e) {
            return CheckResult.fail("no executor ran the probe job within " + timeout.toSeconds() + " s on " + sc.master(),
                    "check that the cluster has workers with free cores and memory for spark.executor.cores and"
                            + " spark.executor.memory + memoryOverhead (the Spark UI lists waiting applications)");
        } catch (ExecutionException e) {
            return CheckResult.fail("the probe job failed: " + Errors.rootCause(e),
                    "the lines above usually name the cause (kryo serializer, module opens); if not, the failed task's"
                            + " error is in the Spark UI and the executor's log");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail("interrupted while waiting for the executors", "run the check again");
        }
        return judge(facts);
    }

    private CheckResult judge(List<ExecutorFacts> facts) {
        List<CheckResult> problems = new ArrayList<>();
        Map<String, Set<String>> executorsByFacts = new LinkedHashMap<>();
        Set<String> executors = new LinkedHashSet<>();
        for (ExecutorFacts f : facts) {
            if (executors.add(f.executorId)) {
                problems.addAll(problems(f));
            }
            executorsByFacts.computeIfAbsent(describe(f), k -> new LinkedHashSet<>()).add(f.executorId + " on " + f.host);
        }
        StringBuilder found = new StringBuilder(facts.size() + " task(s) ran on " + executors.size() + " executor(s)");
        executorsByFacts.forEach((description, who) -> found.append("; ").append(String.join(", ", who)).append(": ")
                .append(description));
        if (problems.isEmpty()) {
            return CheckResult.ok(found.toString());
        }
        Status worst = problems.stream().map(CheckResult::status).max(Status::compareTo).orElseThrow();
        String message = String.join("; ", problems.stream().map(CheckResult::message).distinct().toList());
        String fix = String.join("; ", problems.stream().map(CheckResult::fix).distinct().toList());
        return new CheckResult(worst, message + " (" + found + ")", fix);
    }

    private List<CheckResult> problems(ExecutorFacts f) {
        List<CheckResult> problems = new ArrayList<>();
        if (f.javaFeature != JavaVersionCheck.REQUIRED) {
            problems.add(CheckResult.fail(f.who() + " runs Java " + f.javaVersion + ", not " + JavaVersionCheck.REQUIRED,
                    "give the workers a Java 17 (JAVA_HOME in spark-env.sh, or spark.executorEnv.JAVA_HOME)"));
        }
        if (!f.missingOpens.isEmpty()) {
            problems.add(CheckResult.fail(f.who() + " lacks the --add-opens for " + f.missingOpens,
                    "add the parent pom's spark.java17.opens to spark.executor.extraJavaOptions"));
        }
        if (f.backendError != null) {
            problems.add(CheckResult.fail("ND4J did not load on " + f.who() + ": " + f.backendError,
                    "give the executors nd4j-native natives for their OS and CPU (the uber jar carries linux-x86_64)"));
        } else if (f.nativeThreads > threadsPerTask) {
            problems.add(CheckResult.warn(f.who() + " kept " + f.nativeThreads + " native threads per task after capping"
                    + " them to " + threadsPerTask, "set OMP_NUM_THREADS=" + threadsPerTask
                    + " in spark.executorEnv, and report this as a sparktrain bug"));
        }
        if ((long) tasksPerExecutor * threadsPerTask > f.cores) {
            problems.add(CheckResult.warn(f.who() + " has " + f.cores + " core(s) for " + tasksPerExecutor + " task(s) x "
                    + threadsPerTask + " native thread(s): oversubscribed, about 3x slower",
                    "lower spark.executor.cores to the cores of the workers' machines, or set train.threads-per-task"));
        }
        if (f.aeronPortProblem != null && f.aeronPort == 0) {
            problems.add(CheckResult.fail(f.who() + " has no UDP port for gradient sharing: " + f.aeronPortProblem,
                    "set train.sharing.port lower"));
        } else if (f.aeronPortProblem != null) {
            problems.add(CheckResult.fail(f.who() + ": UDP port " + f.aeronPort + " (train.sharing.port + 1 + executor id)"
                    + " is in use: " + f.aeronPortProblem, "set train.sharing.port so that port + 1 + executor id is free"
                    + " on every worker"));
        }
        if (sharingPort > 0 && !f.executorId.equals("driver") && f.sharedMemoryFree < SharedMemoryCheck.PER_JVM_BYTES) {
            problems.add(CheckResult.fail(f.who() + ": /dev/shm has " + Bytes.format(f.sharedMemoryFree) + " free; Aeron"
                    + " needs ~" + Bytes.format(SharedMemoryCheck.PER_JVM_BYTES), "free or enlarge /dev/shm on the"
                    + " workers (docker run --shm-size=1g)"));
        }
        return problems;
    }

    private String describe(ExecutorFacts f) {
        return "Java " + f.javaVersion + ", " + f.cores + " core(s), "
                + (f.backend == null ? "ND4J not loaded" : "ND4J " + f.backend + ", " + f.nativeThreads
                        + " native thread(s) per task")
                + (f.missingOpens.isEmpty() ? ", module opens in effect" : "")
                + (sharingPort > 0 ? ", /dev/shm " + Bytes.format(f.sharedMemoryFree) + " free" : "");
    }
}
