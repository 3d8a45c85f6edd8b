package io.sparktrain.config;

/**
 * Settings of the {@code allreduce} strategy: synchronous data parallelism, the gradient averaged
 * across workers in every step over a ring of TCP connections between the tasks of a Spark barrier stage.
 *
 * @param workers        workers (barrier tasks); 0 = Spark's default parallelism (its task slots). Spark must be
 *                       able to run them all at once
 * @param timeoutSeconds how long a worker waits for a peer (connecting, or for its part of a step) before it
 *                       fails the epoch, which Spark then runs again
 */
public record AllreduceSection(int workers, int timeoutSeconds) {}
