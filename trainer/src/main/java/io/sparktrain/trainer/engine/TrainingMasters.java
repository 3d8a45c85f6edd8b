package io.sparktrain.trainer.engine;

import io.sparktrain.config.AveragingSection;
import io.sparktrain.config.SharingSection;
import org.apache.hadoop.fs.Path;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.ThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.residual.ResidualClippingPostProcessor;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.FixedThresholdAlgorithm;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.TargetSparsityThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.RepartitionStrategy;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.spark.impl.repartitioner.EqualRepartitioner;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import org.nd4j.parameterserver.distributed.enums.ExecutionMode;

/** Builds dl4j-spark training masters from sparktrain's config, with the defaults that work. */
public final class TrainingMasters {
    private TrainingMasters() {
    }

    /**
     * Parameter averaging with {@code saveUpdater} on: without it Adam/momentum state restarts from
     * zero at every averaging round.
     */
    public static ParameterAveragingTrainingMaster averaging(AveragingSection settings, int batchSize, long seed,
            Path exportDir, boolean collectStats) {
        return new ParameterAveragingTrainingMaster.Builder(batchSize)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(settings.frequency())
                .workerPrefetchNumBatches(settings.prefetch())
                .saveUpdater(true)
                .rddTrainingApproach(settings.approach().equals("direct") ? RDDTrainingApproach.Direct : RDDTrainingApproach.Export)
                .exportDirectory(exportDir.toString())
                .repartionData(repartition(settings.repartition()))
                .collectTrainingStats(collectStats)
                .rngSeed(seed)
                .build();
    }

    /**
     * Gradient sharing. Equal repartitioning (DL4J's default makes one partition per minibatch,
     * about 10x slower); a port per executor; the export directory set through the constructor
     * because SharedTrainingMaster's builder ignores it.
     *
     * @param workersPerNode   training threads per executor
     * @param controllerAddress address executors reach the driver on
     */
    public static SharedTrainingMaster sharing(SharingSection settings, int batchSize, int workersPerNode,
            String controllerAddress, int prefetch, Path exportDir, boolean collectStats) {
        VoidConfiguration voidConfiguration = VoidConfiguration.builder()
                .controllerAddress(controllerAddress)
                .networkMask(settings.networkMask().isEmpty() ? null : settings.networkMask())
                .portSupplier(new ExecutorPortSupplier(settings.port()))
                .executionMode(ExecutionMode.MANAGED)
                .build();
        return new ExportingSharedTrainingMaster(voidConfiguration, thresholdAlgorithm(settings), batchSize,
                workersPerNode, prefetch, collectStats, exportDir.toString());
    }

    static ThresholdAlgorithm thresholdAlgorithm(SharingSection settings) {
        return switch (settings.thresholdAlgorithm()) {
            case "adaptive" -> new AdaptiveThresholdAlgorithm(settings.threshold());
            case "fixed" -> new FixedThresholdAlgorithm(settings.threshold());
            case "target-sparsity" -> new TargetSparsityThresholdAlgorithm(settings.threshold(),
                    settings.targetSparsity(), TargetSparsityThresholdAlgorithm.DEFAULT_DECAY_RATE);
            default -> throw new IllegalArgumentException("unknown threshold algorithm " + settings.thresholdAlgorithm());
        };
    }

    static Repartition repartition(String name) {
        return switch (name) {
            case "always" -> Repartition.Always;
            case "never" -> Repartition.Never;
            case "num-partitions-workers-differs" -> Repartition.NumPartitionsWorkersDiffers;
            default -> throw new IllegalArgumentException("unknown repartition " + name);
        };
    }

    /** A SharedTrainingMaster that exports minibatches where it is told to, like the averaging master does. */
    static final class ExportingSharedTrainingMaster extends SharedTrainingMaster {
        ExportingSharedTrainingMaster(VoidConfiguration voidConfiguration, ThresholdAlgorithm thresholdAlgorithm,
                int batchSize, int workersPerNode, int prefetch, boolean collectStats, String exportDirectory) {
            super(voidConfiguration, null, RDDTrainingApproach.Export, StorageLevel.MEMORY_ONLY_SER(), collectStats,
                    RepartitionStrategy.Balanced, Repartition.Always, thresholdAlgorithm,
                    new ResidualClippingPostProcessor(5.0, 5), batchSize, batchSize, 0L, workersPerNode, prefetch,
                    new EqualRepartitioner(), true, 5000, false);
            this.exportDirectory = exportDirectory;
        }
    }
}
