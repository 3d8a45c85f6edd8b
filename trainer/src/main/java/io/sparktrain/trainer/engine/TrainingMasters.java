package io.sparktrain.trainer.engine;

import io.sparktrain.config.AveragingSection;
import io.sparktrain.config.Repartitioning;
import io.sparktrain.config.SharingSection;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.ThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.FixedThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.TargetSparsityThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.repartitioner.EqualRepartitioner;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import org.nd4j.parameterserver.distributed.enums.ExecutionMode;

/**
 * Builds dl4j-spark training masters from sparktrain's config, with the defaults that work.
 * Exporting minibatches is {@link SparkStrategy}'s job, not the masters'.
 */
public final class TrainingMasters {
    private TrainingMasters() {
    }

    /**
     * Parameter averaging with {@code saveUpdater} on: without it Adam/momentum state restarts from
     * zero at every averaging round.
     *
     * @param workers Spark task slots training at once. Given explicitly because dl4j-spark's lookup of
     *                the default dereferences the layer-stack network even when it trains a graph.
     */
    public static ParameterAveragingTrainingMaster averaging(AveragingSection settings, int workers, int batchSize,
            long seed, boolean collectStats) {
        return new ParameterAveragingTrainingMaster.Builder(workers, batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(settings.frequency())
                .workerPrefetchNumBatches(settings.prefetch())
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .repartionData(repartition(settings.repartition()))
                .collectTrainingStats(collectStats)
                .rngSeed(seed)
                .build();
    }

    /**
     * Gradient sharing, with equal repartitioning (DL4J's default makes one partition per
     * minibatch, about 10x slower) and a UDP port per executor.
     *
     * @param workersPerNode    training threads per executor
     * @param controllerAddress address executors reach the driver on
     * @param ports             the UDP port of each JVM ({@link SharingSupport#portSupplier})
     */
    public static SharedTrainingMaster sharing(SharingSection settings, int batchSize, int workersPerNode,
            String controllerAddress, ExecutorPortSupplier ports, int prefetch, boolean collectStats) {
        VoidConfiguration voidConfiguration = VoidConfiguration.builder()
                .controllerAddress(controllerAddress)
                .networkMask(settings.networkMask().isEmpty() ? null : settings.networkMask())
                .portSupplier(ports)
                .executionMode(ExecutionMode.MANAGED)
                .build();
        return new SharedTrainingMaster.Builder(voidConfiguration, thresholdAlgorithm(settings), batchSize)
                .batchSizePerWorker(batchSize)
                .workersPerNode(workersPerNode)
                .workerPrefetchNumBatches(prefetch)
                .repartitioner(new EqualRepartitioner())
                .collectTrainingStats(collectStats)
                .build();
    }

    static ThresholdAlgorithm thresholdAlgorithm(SharingSection settings) {
        return switch (settings.thresholdAlgorithm()) {
            case ADAPTIVE -> new AdaptiveThresholdAlgorithm(settings.threshold());
            case FIXED -> new FixedThresholdAlgorithm(settings.threshold());
            case TARGET_SPARSITY -> new TargetSparsityThresholdAlgorithm(settings.threshold(),
                    settings.targetSparsity(), TargetSparsityThresholdAlgorithm.DEFAULT_DECAY_RATE);
        };
    }

    static Repartition repartition(Repartitioning when) {
        return switch (when) {
            case ALWAYS -> Repartition.Always;
            case NEVER -> Repartition.Never;
            case NUM_PARTITIONS_WORKERS_DIFFERS -> Repartition.NumPartitionsWorkersDiffers;
        };
    }
}
