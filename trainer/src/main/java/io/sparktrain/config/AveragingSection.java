package io.sparktrain.config;

/**
 * Settings of dl4j-spark parameter averaging.
 *
 * @param frequency   minibatches each worker fits between two averaging rounds
 * @param prefetch    minibatches each worker loads ahead asynchronously (0 = off)
 * @param approach    how workers get their minibatches (exported to {@code workDir} once, or direct)
 * @param workDir     where exported minibatches go (any Hadoop URI); deleted when the job ends
 * @param repartition when the training data is repartitioned
 */
public record AveragingSection(int frequency, int prefetch, AveragingApproach approach, String workDir,
        Repartitioning repartition) {}
