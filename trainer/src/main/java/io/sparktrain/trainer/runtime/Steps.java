package io.sparktrain.trainer.runtime;

import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs the named steps of a job: each step's Spark jobs carry its name in the Spark UI, and its
 * wall time is printed when it ends.
 */
public final class Steps {
    private final JavaSparkContext sc;
    private final Progress progress;

    public Steps(JavaSparkContext sc, Progress progress) {
        this.sc = sc;
        this.progress = progress;
    }

    public <T> T run(String name, Supplier<T> step) {
        sc.setJobDescription(name);
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            sc.setJobDescription(null);
            progress.info(String.format("%s: %.1fs", name, (System.nanoTime() - start) / 1e9));
        }
    }
}
