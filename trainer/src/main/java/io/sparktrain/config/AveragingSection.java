package io.sparktrain.config;

/**
 * Settings of dl4j-spark parameter averaging.
 *
 * @param frequency   minibatches each worker fits between two averaging rounds
 * @param prefetch    minibatches each worker loads ahead asynchronously (0 = off)
 * @param approach    {@code export} (minibatches saved once to {@code workDir}, reused every epoch) or {@code direct}
 * @param workDir     where exported minibatches go (any Hadoop URI); deleted when the job ends
 * @param repartition {@code always}, {@code never} or {@code num-partitions-workers-differs}
 */
public record AveragingSection(int frequency, int prefetch, String approach, String workDir, String repartition) {}
