package io.sparktrain.config;

/**
 * @param strategy           how replicas train together
 * @param epochs             passes over the training data
 * @param batchSize          examples per minibatch per worker
 * @param threadsPerTask     native (OpenMP/BLAS) threads each Spark task may use; 0 = cores / concurrent tasks
 * @param validationFraction fraction of the training data held out for validation after every epoch (0 = none)
 * @param checkpointsToKeep  epoch checkpoints kept in the bundle directory (the newest ones)
 * @param collectStats       collect dl4j-spark's timing statistics and summarise them into the bundle
 * @param allreduce          settings of the {@code allreduce} strategy
 */
public record TrainSection(Strategy strategy, int epochs, int batchSize, int threadsPerTask, double validationFraction,
        int checkpointsToKeep, boolean collectStats, AveragingSection averaging, SharingSection sharing,
        EarlyStoppingSection earlyStopping, AllreduceSection allreduce) {}
