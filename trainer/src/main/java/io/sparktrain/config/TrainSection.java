package io.sparktrain.config;

/**
 * @param strategy       {@code averaging} (dl4j-spark parameter averaging) or {@code local} (one JVM, the baseline)
 * @param epochs         passes over the training data
 * @param batchSize      examples per minibatch per worker
 * @param threadsPerTask native (OpenMP/BLAS) threads each Spark task may use; 0 = cores / concurrent tasks
 * @param averaging      settings of the {@code averaging} strategy
 */
public record TrainSection(String strategy, int epochs, int batchSize, int threadsPerTask, AveragingSection averaging) {}
