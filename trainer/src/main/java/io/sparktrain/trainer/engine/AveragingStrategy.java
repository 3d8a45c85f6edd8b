package io.sparktrain.trainer.engine;

import io.sparktrain.config.AveragingSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * dl4j-spark parameter averaging: every worker fits its replica on {@code frequency} minibatches,
 * then the driver averages parameters (and, with {@code saveUpdater}, Adam/momentum state, which
 * would otherwise restart from zero every round).
 *
 * <p>With the export approach the minibatches are written once under a work directory unique to
 * this run ({@link MinibatchExport}) and reused by every epoch; {@link #close()} deletes that directory.
 */
public final class AveragingStrategy implements TrainingStrategy {
    private final JavaSparkContext sc;
    private final SparkDl4jMultiLayer sparkNetwork;
    private final ParameterAveragingTrainingMaster master;
    private final Path exportDir;
    /** Null with the direct approach, which recomputes the minibatches for every averaging round. */
    private final MinibatchExport export;

    /**
     * @param exportDir directory for exported minibatches, unique to this run (deleted by {@link #close()})
     */
    public AveragingStrategy(JavaSparkContext sc, MultiLayerNetwork network, AveragingSection settings, int batchSize,
            int examplesPerRddDataSet, long seed, Path exportDir) {
        this.sc = sc;
        this.exportDir = exportDir;
        this.master = new ParameterAveragingTrainingMaster.Builder(examplesPerRddDataSet)
                .batchSizePerWorker(batchSize)
                .averagingFrequency(settings.frequency())
                .workerPrefetchNumBatches(settings.prefetch())
                .saveUpdater(true)
                .rddTrainingApproach(settings.approach().equals("direct") ? RDDTrainingApproach.Direct : RDDTrainingApproach.Export)
                .exportDirectory(exportDir.toString())
                .repartionData(repartition(settings.repartition()))
                .rngSeed(seed)
                .build();
        this.sparkNetwork = new SparkDl4jMultiLayer(sc, network, master);
        this.export = settings.approach().equals("direct") ? null : new MinibatchExport(sc, exportDir, batchSize);
    }

    static Repartition repartition(String name) {
        return switch (name) {
            case "always" -> Repartition.Always;
            case "never" -> Repartition.Never;
            case "num-partitions-workers-differs" -> Repartition.NumPartitionsWorkersDiffers;
            default -> throw new IllegalArgumentException("unknown repartition " + name);
        };
    }

    @Override
    public double fitEpoch(JavaRDD<DataSet> train) {
        if (export == null) {
            sparkNetwork.fit(train);
        } else {
            sparkNetwork.fitPaths(export.paths(train));
        }
        return sparkNetwork.getScore();
    }

    @Override
    public MultiLayerNetwork network() {
        return sparkNetwork.getNetwork();
    }

    @Override
    public void close() {
        master.deleteTempFiles(sc);
        try {
            FileSystem fs = exportDir.getFileSystem(sc.hadoopConfiguration());
            fs.delete(exportDir, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete exported minibatches in " + exportDir
                    + "; delete that directory by hand", e);
        }
    }
}
