package io.sparktrain.trainer.ml;

import io.sparktrain.config.NetworkTrainingConfig;
import io.sparktrain.config.Task;
import io.sparktrain.config.TaskChecks;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.pipeline.batch.LabelSpec;
import io.sparktrain.pipeline.batch.MiniBatcher;
import io.sparktrain.trainer.engine.NativeBuild;
import io.sparktrain.trainer.model.NetworkSpec;
import io.sparktrain.trainer.model.OutputLayerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * A DL4J network as a Spark ML {@code Estimator}: {@code fit} trains it data-parallel with the same
 * engine as {@code sparktrain train} (strategies averaging, sharing or local; validation hold-out
 * and early stopping from the spec's {@code train} section) and returns a {@link NetworkModel}.
 * The network and training settings come from {@code spec}, HOCON with the keys of a job config.
 */
public abstract class NetworkEstimator extends Estimator<NetworkModel> implements NetworkParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Declarations declarations;

    protected NetworkEstimator(String uid, String task) {
        this.uid = uid;
        this.declarations = Declarations.of(this);
        setNetworkDefaults(task);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Declarations declarations() {
        return declarations;
    }

    public NetworkEstimator setSpec(String hocon) {
        return (NetworkEstimator) set(spec(), hocon);
    }

    public NetworkEstimator setStrategy(String value) {
        return (NetworkEstimator) set(strategy(), value);
    }

    public NetworkEstimator setEpochs(int value) {
        return (NetworkEstimator) set(epochs(), value);
    }

    public NetworkEstimator setBatchSize(int value) {
        return (NetworkEstimator) set(batchSize(), value);
    }

    public NetworkEstimator setLearningRate(double value) {
        return (NetworkEstimator) set(learningRate(), value);
    }

    public NetworkEstimator setSeed(long value) {
        return (NetworkEstimator) set(seed(), value);
    }

    public NetworkEstimator setLabels(String... value) {
        return (NetworkEstimator) set(labels(), value);
    }

    public NetworkEstimator setFeaturesCol(String value) {
        return (NetworkEstimator) set(featuresCol(), value);
    }

    public NetworkEstimator setLabelCol(String value) {
        return (NetworkEstimator) set(labelCol(), value);
    }

    public NetworkEstimator setWeightCol(String value) {
        return (NetworkEstimator) set(weightCol(), value);
    }

    public NetworkEstimator setMaskCol(String value) {
        return (NetworkEstimator) set(maskCol(), value);
    }

    public NetworkEstimator setPredictionCol(String value) {
        return (NetworkEstimator) set(predictionCol(), value);
    }

    public NetworkEstimator setProbabilityCol(String value) {
        return (NetworkEstimator) set(probabilityCol(), value);
    }

    public NetworkEstimator setRawPredictionCol(String value) {
        return (NetworkEstimator) set(rawPredictionCol(), value);
    }

    public NetworkEstimator setPredictedLabelCol(String value) {
        return (NetworkEstimator) set(predictedLabelCol(), value);
    }

    /**
     * A copy of this estimator's class, uid and params with {@code extra} applied, typed as a network
     * estimator so that callers holding one can go on setting params (as Spark's {@code Predictor}).
     */
    @Override
    public abstract NetworkEstimator copy(ParamMap extra);

    @Override
    public NetworkModel fit(Dataset<?> dataset) {
        // Effective where this fit is the first to touch ND4J in the driver; executors choose in their tasks.
        NativeBuild.select();
        transformSchema(dataset.schema());
        NetworkTrainingConfig config = TrainJobConfigLoader.loadNetworkTraining(getClass().getSimpleName() + ".spec",
                $(spec()), overrides());
        Task task = isClassification() ? Task.CLASSIFICATION : Task.REGRESSION;
        List<String> classes = isClassification() ? classNames(dataset.schema(), config.model()) : List.of();
        TaskChecks.outputUnits(config.model().outputLayer(), task, classes.size(), "the labels").ifPresent(problem -> {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the output layer's units " + problem);
        });
        FeatureSpec features = getMaskCol().isEmpty() ? FeatureSpec.vector(getFeaturesCol())
                : FeatureSpec.sequence(getFeaturesCol(), getMaskCol());
        // An imbalance stage before this estimator in a Pipeline left the rows as they were and marked them:
        // its resampling is applied here, to the training rows alone.
        TrainingRebalance rebalance = TrainingRebalance.of(dataset.schema(), this);
        MiniBatcher batcher = new MiniBatcher(features, labelSpec(config.model(), classes), rebalance.weightCol(),
                config.train().batchSize());
        EstimatorTraining.Trained trained = new EstimatorTraining(dataset.sparkSession(), config, task)
                .train(batcher, dataset.toDF(), classes, rebalance.rebalance());
        NetworkModel model = new NetworkModel(uid, getTask(), NetworkBlob.of(trained.network()));
        copyValues(model, extractParamMap());
        model.setLabels(classes);
        model.setSummary(new TrainingSummary(trained.trainedRows(), rebalance.resampledBy()));
        return model.setParent(this);
    }

    /** Config keys the set training params override; unset params leave the spec's values. */
    private List<String> overrides() {
        List<String> keys = new ArrayList<>();
        get(strategy()).foreach(v -> keys.add("train.strategy=" + v));
        get(epochs()).foreach(v -> keys.add("train.epochs=" + v));
        if (isSet(batchSize())) {
            keys.add("train.batch-size=" + getBatchSize());
        }
        get(learningRate()).foreach(v -> keys.add("model.optimizer.learning-rate=" + v));
        get(seed()).foreach(v -> keys.add("job.seed=" + v));
        return keys;
    }

    /**
     * The class names: the {@code labels} param, else the label column's nominal metadata (which
     * StringIndexer writes), else "0".."n-1" for the output layer's units.
     */
    private List<String> classNames(StructType schema, NetworkSpec model) {
        List<String> names = getLabels();
        if (names.isEmpty()) {
            Attribute attribute = Attribute.fromStructField(schema.apply(getLabelCol()));
            if (attribute instanceof NominalAttribute nominal && nominal.values().isDefined()) {
                names = Arrays.asList(nominal.values().get());
            }
        }
        int units = model.outputLayer().units();
        if (names.isEmpty()) {
            int count = units == 1 ? 2 : units;
            names = IntStream.range(0, count).mapToObj(String::valueOf).toList();
        }
        boolean fits = units == names.size() || units == 1 && names.size() == 2;
        if (!fits) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the output layer has " + units
                    + " unit(s) but there are " + names.size() + " classes " + names + "; give the output layer "
                    + names.size() + " units (or 1 sigmoid unit for 2 classes)");
        }
        return names;
    }

    private LabelSpec labelSpec(NetworkSpec model, List<String> classes) {
        OutputLayerSpec output = model.outputLayer();
        if (!isClassification()) {
            return LabelSpec.regression(getLabelCol(), output.units());
        }
        return output.units() == 1 ? LabelSpec.binary(getLabelCol(), 1)
                : LabelSpec.classes(getLabelCol(), classes.size());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(spec())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": set spec to the network in HOCON,"
                    + " e.g. model { input { type = flat, size = 4 }, layers = [ ... ] }");
        }
        requireNumber(schema, getLabelCol(), "labelCol");
        Optional.of(getWeightCol()).filter(c -> !c.isEmpty()).ifPresent(c -> requireNumber(schema, c, "weightCol"));
        return predictionSchema(schema);
    }

    private static void requireNumber(StructType schema, String column, String param) {
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(column)) {
            throw new IllegalArgumentException(param + " '" + column + "' is not a column of the input; the columns are "
                    + names);
        }
        if (!(schema.apply(column).dataType() instanceof NumericType)) {
            throw new IllegalArgumentException(param + " '" + column + "' has type "
                    + schema.apply(column).dataType().simpleString() + "; it must be numeric (index string classes"
                    + " with StringIndexer)");
        }
    }
}
