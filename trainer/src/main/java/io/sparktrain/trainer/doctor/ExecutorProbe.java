package io.sparktrain.trainer.doctor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One tiny Spark job with a task per task slot, each reporting on the executor it ran in: Java,
 * module opens, ND4J, native threads, cores, and for gradient sharing /dev/shm and its UDP port.
 */
final class ExecutorProbe {
    private ExecutorProbe() {
    }

    /**
     * @throws TimeoutException   when the executors did not run it in time (the job is cancelled)
     * @throws ExecutionException when the job failed, e.g. a task could not be serialized
     */
    static List<ExecutorFacts> run(JavaSparkContext sc, int threadsPerTask, int sharingPort, Duration timeout)
            throws TimeoutException, ExecutionException, InterruptedException {
        int tasks = Math.max(1, sc.defaultParallelism());
        List<Integer> slots = IntStream.range(0, tasks).boxed().toList();
        sc.setJobDescription("sparktrain doctor: probe executors");
        try {
            JavaFutureAction<List<ExecutorFacts>> facts = sc.parallelize(slots, tasks)
                    .mapPartitions(slot -> List.of(ExecutorFacts.collect(threadsPerTask, sharingPort)).iterator())
                    .collectAsync();
            try {
                return facts.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                facts.cancel(true);
                throw e;
            }
        } finally {
            sc.setJobDescription(null);
        }
    }
}
