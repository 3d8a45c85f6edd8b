package io.sparktrain.trainer.job;

import io.sparktrain.config.DataSection;
import io.sparktrain.config.IdxPair;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.pipeline.fs.HadoopConf;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.bundle.BundleManifest;
import io.sparktrain.trainer.bundle.BundleWriter;
import io.sparktrain.trainer.bundle.Versions;
import io.sparktrain.trainer.engine.AveragingStrategy;
import io.sparktrain.trainer.engine.LocalStrategy;
import io.sparktrain.trainer.engine.NativeThreads;
import io.sparktrain.trainer.engine.TrainingLoop;
import io.sparktrain.trainer.engine.TrainingStrategy;
import io.sparktrain.trainer.model.NetworkFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The {@code train} job: check config and inputs, start Spark, read data on the executors, train
 * with the configured strategy, evaluate after every epoch and write the model bundle.
 */
public final class TrainJob {
    /**
     * @param master    Spark master from the command line, or null
     * @param overwrite replace an existing bundle
     * @param checkOnly stop after the checks that need no Spark
     */
    public record Options(String master, boolean overwrite, boolean checkOnly) {}

    /** Where the bundle went and what it says; {@code bundle} is null after a check-only run. */
    public record Result(Path bundle, BundleManifest manifest) {}

    private final TrainJobConfig config;
    private final Options options;
    private final Progress progress;

    public TrainJob(TrainJobConfig config, Options options) {
        this.config = config;
        this.options = options;
        this.progress = new Progress(config.train().epochs());
    }

    public Result run() {
        String master = SparkSessions.master(options.master(), config.spark());
        SparkConf sparkConf = SparkSessions.sparkConf(config.job().name(), master, config.spark());
        Configuration hadoop = SparkSessions.hadoopConf(sparkConf);
        WorkDirCheck.requireShared(config, master, hadoop);
        BundleWriter writer = new BundleWriter(hadoop);
        writer.checkWritable(config.output().bundle(), options.overwrite());
        DatasetFetcher.fetchIfMissing(config.data(), hadoop, progress);
        DataSection data = qualified(config.data(), hadoop);
        IdxHeader trainImages = checkInputs(data, hadoop);
        if (options.checkOnly()) {
            progress.info("config " + config.source() + " and its inputs are valid");
            return new Result(null, null);
        }

        int threads = ThreadPlan.threadsPerTask(config.train().threadsPerTask(), config.train().strategy(), sparkConf,
                Runtime.getRuntime().availableProcessors());
        SparkSession spark = SparkSessions.start(sparkConf);
        try {
            return train(spark, data, trainImages.itemCount(), threads, writer);
        } finally {
            spark.stop();
        }
    }

    private Result train(SparkSession spark, DataSection data, long trainExamples, int threads, BundleWriter writer) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        NativeThreads.limitTo(threads);
        progress.info(String.format("%s: strategy %s, master %s, %d epochs, batch %d, %d native thread(s) per task",
                config.job().name(), config.train().strategy(), sc.master(), config.train().epochs(),
                config.train().batchSize(), threads));

        IdxImageSource source = new IdxImageSource(spark);
        MiniBatcher batcher = new MiniBatcher(IdxImageSource.FEATURES_COL, IdxImageSource.LABEL_COL,
                data.numClasses(), config.train().batchSize());
        Dataset<Row> trainRows = source.read(data.train().images(), data.train().labels(), data.partitions());
        Dataset<Row> testRows = source.read(data.test().images(), data.test().labels(), data.partitions()).cache();
        JavaRDD<DataSet> trainBatches = withNativeThreads(batcher.toDataSets(trainRows), threads);
        JavaRDD<DataSet> testBatches = withNativeThreads(batcher.toDataSets(testRows), threads);

        MultiLayerNetwork network = NetworkFactory.build(config.model(), config.job().seed());
        progress.info(String.format("network: %,d parameters, %d layers", network.numParams(), network.getnLayers()));
        TrainingLoop loop = new TrainingLoop(sc, progress::epoch);
        try (TrainingStrategy strategy = strategy(sc, network)) {
            TrainingLoop.Outcome outcome = loop.run(strategy, trainBatches, trainExamples, testBatches,
                    data.labels(), config.train().epochs());
            BundleManifest manifest = manifest(spark, outcome);
            Path bundle = new Steps(sc, progress).run("write bundle",
                    () -> writer.write(config.output().bundle(), strategy.network(), manifest, options.overwrite()));
            progress.info(String.format("bundle written to %s: test accuracy %.4f",
                    bundle, outcome.finalEvaluation().accuracy()));
            return new Result(bundle, manifest);
        }
    }

    private TrainingStrategy strategy(JavaSparkContext sc, MultiLayerNetwork network) {
        return switch (config.train().strategy()) {
            case "local" -> new LocalStrategy(network);
            case "averaging" -> new AveragingStrategy(sc, network, config.train().averaging(),
                    config.train().batchSize(), config.train().batchSize(), config.job().seed(),
                    new Path(qualify(config.train().averaging().workDir(), sc.hadoopConfiguration()),
                            "export-" + sc.sc().applicationId()));
            default -> throw new IllegalStateException("strategy " + config.train().strategy() + " was not validated");
        };
    }

    private static JavaRDD<DataSet> withNativeThreads(JavaRDD<DataSet> batches, int threads) {
        return batches.mapPartitions(it -> {
            NativeThreads.limitTo(threads);
            return it;
        });
    }

    private IdxHeader checkInputs(DataSection data, Configuration hadoop) {
        HadoopConf conf = new HadoopConf(hadoop);
        IdxHeader trainImages = checkPair(data.train(), conf);
        checkPair(data.test(), conf);
        if (trainImages.itemSize() != config.model().inputSize()) {
            throw new DataSourceException("model.input.size is " + config.model().inputSize() + " but "
                    + data.train().images() + " holds " + trainImages.itemSize()
                    + " values per example; set model.input.size = " + trainImages.itemSize());
        }
        return trainImages;
    }

    private static IdxHeader checkPair(IdxPair pair, HadoopConf conf) {
        IdxHeader images = IdxImageSource.readHeader(pair.images(), conf);
        IdxImageSource.readHeader(pair.labels(), conf);
        return images;
    }

    private BundleManifest manifest(SparkSession spark, TrainingLoop.Outcome outcome) {
        Evaluation evaluation = outcome.finalEvaluation();
        Map<String, Double> test = new LinkedHashMap<>();
        test.put("accuracy", evaluation.accuracy());
        test.put("precision", evaluation.precision());
        test.put("recall", evaluation.recall());
        test.put("f1", evaluation.f1());
        test.put("examples", (double) evaluation.getNumRowCounter());
        return new BundleManifest(BundleManifest.FORMAT, BundleManifest.FORMAT_VERSION, Instant.now().toString(),
                config.job().name(), config.job().seed(), Versions.current(spark.version()),
                BundleManifest.NETWORK_FILE, "classification", config.data().labels(), config.model().inputSize(),
                ConfigJson.redacted(config.resolved()), outcome.history(), Map.of("test", test));
    }

    /** Relative paths made absolute on the driver, so executors on other hosts see the same files. */
    private static DataSection qualified(DataSection data, Configuration hadoop) {
        return new DataSection(data.root(), data.fetch(), data.format(),
                new IdxPair(qualify(data.train().images(), hadoop), qualify(data.train().labels(), hadoop)),
                new IdxPair(qualify(data.test().images(), hadoop), qualify(data.test().labels(), hadoop)),
                data.labels(), data.partitions());
    }

    static String qualify(String uri, Configuration hadoop) {
        Path path = new Path(uri);
        try {
            return path.getFileSystem(hadoop).makeQualified(path).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + uri + ": " + e.getMessage(), e);
        }
    }
}
