package io.sparktrain.trainer.data;

import io.sparktrain.config.DataSection;
import io.sparktrain.config.OutputLabel;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.pipeline.batch.DataSetBatcher;
import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.pipeline.batch.LabelSpec;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.pipeline.batch.MultiMiniBatcher;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.pipeline.stage.ClassCounts;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.trainer.bundle.BundleDirectory;
import io.sparktrain.trainer.engine.TrainingLoop;
import io.sparktrain.trainer.engine.TrainingRun;
import io.sparktrain.trainer.runtime.Progress;
import io.sparktrain.trainer.runtime.Steps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A train job's data, one direction from the config to the engine: read, check, fit the
 * pipeline (tables and text), rebalance, and turn the rows into the minibatches the
 * {@link io.sparktrain.trainer.engine.Trainer} trains on, with what the bundle keeps of it. One
 * entry, {@link #prepare}, whatever the input kind; the job only wires.
 */
public final class TrainingInputs {
    private final SparkSession spark;
    private final TrainJobConfig config;
    private final BundleDirectory bundle;
    private final Progress progress;

    /** @param bundle where the pipeline's rejects, data report and resampled class counts go */
    public TrainingInputs(SparkSession spark, TrainJobConfig config, BundleDirectory bundle, Progress progress) {
        this.spark = spark;
        this.config = config;
        this.bundle = bundle;
        this.progress = progress;
    }

    /**
     * @param data        the data section with its paths made absolute
     * @param trainImages the training images' header, read before Spark started (IDX input only)
     * @param run         the engine's hold-out and thread plan for the minibatches
     */
    public Prepared prepare(DataSection data, Optional<IdxHeader> trainImages, TrainingRun run) {
        return data.table().isPresent() ? table(data, run)
                : data.text().isPresent() ? text(data, run)
                : images(data, trainImages.orElseThrow().itemCount(), run);
    }

    /**
     * The data the loop trains on, and the fitted feature pipeline of a table (saved in the bundle).
     *
     * @param pipeline     the fitted preparation stages of a table or text (none for images)
     * @param features     the column(s) the network reads after them
     * @param classWeights per class, the loss weights the pipeline fitted (pipeline.imbalance.method = class-weights)
     * @param testRows     the prepared test rows, for the report's evaluation
     * @param labelCol     their label column (class index or value)
     */
    public record Prepared(TrainingLoop.Data data, Optional<PipelineModel> pipeline, FeatureSpec features,
            Map<String, Double> testBaselines, List<Double> classWeights, Dataset<Row> testRows, String labelCol) {}

    private Prepared images(DataSection data, long examples, TrainingRun run) {
        IdxImageSource source = new IdxImageSource(spark);
        MiniBatcher batcher = new MiniBatcher(IdxImageSource.FEATURES_COL, IdxImageSource.LABEL_COL,
                data.numClasses(), config.train().batchSize());
        Dataset<Row> trainRows = source.read(data.train().images(), data.train().labels(), data.partitions());
        Dataset<Row> testRows = source.read(data.test().images(), data.test().labels(), data.partitions()).cache();
        return new Prepared(run.data(batcher, trainRows, examples, Optional.of(testRows), data.labels()),
                Optional.empty(), FeatureSpec.vector(IdxImageSource.FEATURES_COL), Map.of(), List.of(), testRows,
                IdxImageSource.LABEL_COL);
    }

    private Prepared table(DataSection data, TrainingRun run) {
        return prepared(data, run, "read, check and prepare table",
                () -> TableData.prepare(spark, data, config.job().seed(), bundle, config.model().inputSize()),
                FeatureSpec.vector(FeaturePlan.FEATURES_COL));
    }

    private Prepared text(DataSection data, TrainingRun run) {
        return prepared(data, run, "read documents and fit vocabulary",
                () -> TextData.prepare(spark, data, config.job().seed()),
                FeatureSpec.sequence(TextData.TOKENS_COL, TextData.MASK_COL));
    }

    private Prepared prepared(DataSection data, TrainingRun run, String step, Supplier<PreparedRows> prepare,
            FeatureSpec features) {
        PreparedRows rows = new Steps(JavaSparkContext.fromSparkContext(spark.sparkContext()), progress)
                .run(step, prepare);
        rows.report().forEach(progress::info);
        DataSetBatcher batcher = batcher(data, features);
        Dataset<Row> trainRows = data.partitions() > 0 ? rows.train().repartition(data.partitions()) : rows.train();
        return new Prepared(run.data(batcher, trainRows, rows.trainRows(), Optional.of(rows.test()), data.labels(),
                logged(rows.rebalance())), Optional.of(rows.pipeline()), features, rows.testBaselines(),
                rows.classWeights(), rows.test(), LabelColumn.LABEL_COL);
    }

    /**
     * The pipeline's rebalancing, saying on the console what it did to the training rows and
     * recording the class counts after it in the bundle's data report.
     */
    private UnaryOperator<Dataset<Row>> logged(UnaryOperator<Dataset<Row>> rebalance) {
        return rows -> {
            Dataset<Row> rebalanced = rebalance.apply(rows);
            if (rebalanced != rows) {
                rebalanced = rebalanced.cache();
                Map<String, Long> byClass = new LinkedHashMap<>();
                ClassCounts.of(rebalanced, LabelColumn.LABEL_COL).counts().forEach((index, n) -> byClass.put(
                        config.data().labels().get(((Number) index).intValue()), n));
                progress.info(String.format("training rows rebalanced (pipeline.imbalance): %,d rows, per class %s",
                        rebalanced.count(), byClass));
                bundle.recordResampledClasses(byClass);
            }
            return rebalanced;
        };
    }

    /** The label's minibatches, or for a graph with several outputs every output's labels, in the graph's order. */
    private DataSetBatcher batcher(DataSection data, FeatureSpec features) {
        List<OutputLabel> outputs = data.table().map(table -> table.section().outputs()).orElse(List.of());
        if (outputs.isEmpty()) {
            return new MiniBatcher(features, labelSpec(LabelColumn.LABEL_COL, data.labels(),
                    config.model().outputLayer().units()), config.train().batchSize());
        }
        List<LabelSpec> heads = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            heads.add(labelSpec(LabelColumn.targetOf(outputs.get(i).output()), outputs.get(i).classes(),
                    config.model().outputs().get(i).units()));
        }
        return new MultiMiniBatcher(features, heads, config.train().batchSize());
    }

    /** One-hot classes, one sigmoid unit for two classes with binary cross-entropy, or a number to predict. */
    private static LabelSpec labelSpec(String column, List<String> classes, int units) {
        if (classes.isEmpty()) {
            return LabelSpec.regression(column, 1);
        }
        return units == 1 ? LabelSpec.binary(column, 1) : LabelSpec.classes(column, classes.size());
    }

}
