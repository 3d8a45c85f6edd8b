package io.sparktrain.trainer.job;

import io.sparktrain.config.DataSection;
import io.sparktrain.config.IdxPair;
import io.sparktrain.config.Task;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainSection;
import io.sparktrain.pipeline.fs.HadoopConf;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.bundle.BundleDirectory;
import io.sparktrain.trainer.bundle.BundleManifest;
import io.sparktrain.trainer.bundle.CheckpointStore;
import io.sparktrain.trainer.bundle.ParameterValues;
import io.sparktrain.trainer.bundle.Versions;
import io.sparktrain.trainer.data.PreparedRows;
import io.sparktrain.trainer.data.TrainingInputs.Prepared;
import io.sparktrain.trainer.data.TrainingInputs;
import io.sparktrain.trainer.doctor.ChecksFailedException;
import io.sparktrain.trainer.doctor.Doctor;
import io.sparktrain.trainer.doctor.DoctorChecks;
import io.sparktrain.trainer.doctor.DoctorReport;
import io.sparktrain.trainer.doctor.ReportTable;
import io.sparktrain.trainer.doctor.Status;
import io.sparktrain.trainer.engine.CheckpointState;
import io.sparktrain.trainer.engine.EpochResult;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.engine.StatsClock;
import io.sparktrain.trainer.engine.Trainer;
import io.sparktrain.trainer.ml.ScoringPipeline;
import io.sparktrain.trainer.report.BundleReport;
import io.sparktrain.trainer.runtime.DatasetFetcher;
import io.sparktrain.trainer.runtime.LazySparkSession;
import io.sparktrain.trainer.runtime.Progress;
import io.sparktrain.trainer.runtime.SparkSessions;
import io.sparktrain.trainer.runtime.Steps;
import io.sparktrain.trainer.score.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code train} job: check config, inputs and output before Spark starts, read data on the
 * executors, train with the configured strategy, evaluate and checkpoint after every epoch, write
 * the model bundle.
 */
public final class TrainJob {
    /**
     * @param master     Spark master from the command line, or null
     * @param overwrite  replace an existing bundle
     * @param resume     continue an interrupted run from its newest checkpoint
     * @param checkOnly  stop after the checks that need no Spark
     * @param skipChecks train even if the checks of {@code sparktrain doctor} report a FAIL
     */
    public record Options(String master, boolean overwrite, boolean resume, boolean checkOnly, boolean skipChecks) {
        /** With the doctor's checks before training. */
        public Options(String master, boolean overwrite, boolean resume, boolean checkOnly) {
            this(master, overwrite, resume, checkOnly, false);
        }
    }

    /** Where the bundle went and what it says; both null after a check-only run. */
    public record Result(Path bundle, BundleManifest manifest) {}

    private final TrainJobConfig config;
    private final TrainSection train;
    private final Options options;
    private final Progress progress;

    public TrainJob(TrainJobConfig config, Options options) {
        this.config = config;
        this.train = config.train();
        this.options = options;
        this.progress = new Progress(train.epochs());
    }

    public Result run() {
        SparkConf sparkConf = SparkSessions.forTrainJob(config, options.master());
        if (train.collectStats()) {
            StatsClock.applyToThisJvm();
        }
        Configuration hadoop = SparkSessions.hadoopConf(sparkConf);
        WorkDirCheck.requireShared(config, sparkConf.get("spark.master"), hadoop);
        BundleDirectory bundle = new BundleDirectory(config.output().bundle(), hadoop);
        bundle.checkUsable(options.overwrite(), options.resume());
        DatasetFetcher.fetchIfMissing(config.data(), hadoop, progress);
        DataSection data = qualified(config.data(), hadoop);
        // Tables and texts are checked as they are read, with file, column and value named; IDX headers now.
        Optional<IdxHeader> trainImages = data.format().equals("idx") ? Optional.of(checkInputs(data, hadoop))
                : Optional.empty();
        if (options.checkOnly()) {
            progress.info("config " + config.source() + " and its inputs are valid");
            return new Result(null, null);
        }

        try (LazySparkSession spark = new LazySparkSession(sparkConf)) {
            if (!options.skipChecks()) {
                runChecks(sparkConf, spark);
            }
            return train(spark.session(), data, trainImages, bundle);
        }
    }

    /**
     * The checks of {@code sparktrain doctor}, on the session training will use: a FAIL stops the
     * job with the whole table; WARNs are printed and training goes on.
     */
    private void runChecks(SparkConf sparkConf, LazySparkSession spark) {
        DoctorReport report = new Doctor(new DoctorChecks(config, sparkConf, options.overwrite(), options.resume())
                .all(spark::context)).run();
        if (report.failed()) {
            throw new ChecksFailedException(report);
        }
        progress.info("checked before training: " + report.summary() + " (sparktrain doctor prints every line)");
        ReportTable.lines(report, EnumSet.of(Status.WARN)).forEach(progress::info);
    }

    private Result train(SparkSession spark, DataSection data, Optional<IdxHeader> trainImages,
            BundleDirectory bundle) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Trainer trainer = new Trainer(sc, train, config.job().seed(), Task.of(config.data().regression()), progress::info,
                progress::epoch);
        progress.info(String.format("%s: strategy %s, master %s, %d epochs, batch %d, %d native thread(s) per task",
                config.job().name(), train.strategy(), sc.master(), train.epochs(), train.batchSize(),
                trainer.threadsPerTask()));

        // The bundle is cleared (--overwrite) before the data is read: reading writes rejects and the data report into it.
        CheckpointStore checkpoints = bundle.checkpoints(train.checkpointsToKeep(), config.model().isGraph());
        Start start = start(bundle, checkpoints);
        Prepared prepared = new TrainingInputs(spark, config, bundle, progress)
                .prepare(data, trainImages, trainer.rows());
        if (!prepared.classWeights().isEmpty() && !options.resume()) {
            // Class weights are fitted with the pipeline, after the fresh network was built: rebuild it (same seed,
            // same initial parameters) with them in its output layer's loss.
            start = new Start(Network.build(config.model().withClassWeights(prepared.classWeights()), config.job().seed()),
                    start.state());
        }
        progress.info(String.format("network: %,d parameters, %d layers%s", start.network().numParams(),
                start.network().layerCount(), start.state().epoch() > 0
                        ? ", resumed after epoch " + start.state().epoch() + " from " + bundle.path() : ""));

        Trainer.Result trained = trainer.fit(start.network(), start.state(), prepared.data(),
                new BundleCheckpoints(checkpoints));
        BundleManifest manifest = manifest(spark, trained, prepared.testBaselines());
        PipelineModel scoring = ScoringPipeline.of(prepared.pipeline(), prepared.features(), trained.network(),
                config.data().labels());
        new Steps(sc, progress).run("write bundle", () -> {
            bundle.writePipeline(scoring);
            bundle.writeFinal(trained.network(), manifest);
            return null;
        });
        Map<String, Double> test = manifest.metrics().get("test");
        progress.info("bundle written to " + bundle.path() + ": test " + Progress.headline(test)
                + (test.containsKey(PreparedRows.MEAN_BASELINE_RMSE) ? String.format(
                        " (always predicting the training mean: rmse %.4f)", test.get(PreparedRows.MEAN_BASELINE_RMSE))
                        : ""));
        if (multiOutput()) {
            progress.info("report: not written for a network of several outputs; bundle.json has each output's"
                    + " metrics");
        } else {
            new Steps(sc, progress).run("write report", () -> writeReport(scoring, prepared, bundle, sc));
        }
        return new Result(bundle.path(), manifest);
    }

    /**
     * Evaluates the final network on the test rows for the report's confusion matrix and curves
     * ({@code evaluation.json}), then writes the report into the bundle.
     */
    private Void writeReport(PipelineModel scoring, Prepared prepared, BundleDirectory bundle, JavaSparkContext sc) {
        Transformer network = scoring.stages()[scoring.stages().length - 1];
        Dataset<Row> scored = network.transform(prepared.testRows());
        Object metrics = config.data().regression() ? Evaluation.regression(scored, prepared.labelCol())
                : Evaluation.classification(scored, prepared.labelCol(), config.data().labels());
        BundleReport report = new BundleReport(bundle.path().toString(), sc.hadoopConfiguration());
        report.writeEvaluation(metrics);
        progress.info("report: " + report.write() + " (rebuild it with sparktrain report --bundle " + bundle.path() + ")");
        return null;
    }

    /** Whether the network is a graph with several outputs, one table label each (data.table.outputs). */
    private boolean multiOutput() {
        return config.data().table().filter(table -> table.section().multiOutput()).isPresent();
    }

    /** The network and state training starts from: fresh, or the newest checkpoint with --resume. */
    private record Start(Network network, CheckpointState state) {}

    private Start start(BundleDirectory bundle, CheckpointStore checkpoints) {
        if (options.resume()) {
            CheckpointStore.Checkpoint checkpoint = checkpoints.latest().orElseThrow();
            return new Start(checkpoint.network(), checkpoint.state());
        }
        if (options.overwrite()) {
            bundle.clear();
        }
        Network network = Network.build(config.model(), config.job().seed());
        return new Start(network, CheckpointState.fresh());
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

    private BundleManifest manifest(SparkSession spark, Trainer.Result trained, Map<String, Double> testBaselines) {
        List<EpochResult> history = trained.history();
        EpochResult chosen = history.get(trained.finalEpoch() - 1);
        Map<String, Double> test = new LinkedHashMap<>(chosen.test());
        test.putAll(testBaselines);
        Map<String, Map<String, Double>> metrics = chosen.validation().isEmpty()
                ? Map.of("test", test)
                : Map.of("test", test, "validation", chosen.validation());
        return new BundleManifest(BundleManifest.FORMAT, BundleManifest.FORMAT_VERSION, Instant.now().toString(),
                config.job().name(), config.job().seed(), Versions.current(spark.version()),
                BundleManifest.NETWORK_FILE, multiOutput() ? BundleManifest.MULTI_OUTPUT
                        : config.data().regression() ? "regression" : "classification",
                config.data().labels(), config.model().inputSize(),
                ConfigJson.redacted(config.resolved()), history, trained.finalEpoch(), trained.stoppedEarly(), metrics,
                ParameterValues.ofSmall(trained.network(), BundleManifest.LISTED_PARAMETERS), trained.stats());
    }

    /** Relative paths made absolute on the driver, so executors on other hosts see the same files. */
    private static DataSection qualified(DataSection data, Configuration hadoop) {
        return new DataSection(data.root(), data.fetch(), data.format(), data.inputs().map(uri -> qualify(uri, hadoop)),
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
