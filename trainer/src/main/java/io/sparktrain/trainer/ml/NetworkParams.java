package io.sparktrain.trainer.ml;

import io.sparktrain.config.Strategy;
import io.sparktrain.trainer.model.ConfigChoice;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The params the network estimators and their fitted model share, declared once. Column params
 * follow Spark ML's names, so Spark's evaluators, {@code CrossValidator} and
 * {@code TrainValidationSplit} find the columns they expect. Spark finds params by reflection over
 * public no-argument methods returning a {@link Param}; this interface's default methods qualify.
 *
 * <p>The training knobs ({@code strategy}, {@code epochs}, {@code batchSize}, {@code learningRate},
 * {@code seed}) override the matching keys of {@code spec} only when set, so a spec file alone
 * fully describes a run and a param grid can vary one knob.
 */
public interface NetworkParams extends Params {
    String CLASSIFICATION = "classification";
    String REGRESSION = "regression";

    /** The declared params of one stage, all owned by that stage's uid. */
    record Declarations(Param<String> featuresCol, Param<String> labelCol, Param<String> weightCol,
            Param<String> maskCol, Param<String> predictionCol, Param<String> probabilityCol,
            Param<String> rawPredictionCol, Param<String> predictedLabelCol, Param<String> task,
            Param<String> spec, Param<String> strategy, IntParam epochs, IntParam batchSize,
            DoubleParam learningRate, LongParam seed, StringArrayParam labels) {

        /** @param owner the stage, whose uid is already set */
        static Declarations of(Params owner) {
            String uid = owner.uid();
            return new Declarations(
                    new Param<>(uid, "featuresCol", "vector column the network reads (token indices for a sequence"
                            + " network)"),
                    new Param<>(uid, "labelCol", "label column: a class index (classification) or a number"),
                    new Param<>(uid, "weightCol", "optional column of per-example loss weights; empty = every"
                            + " example weighs 1"),
                    new Param<>(uid, "maskCol", "for sequence networks: vector column with 1 where a token is and 0"
                            + " where padding is; empty = vector features"),
                    new Param<>(uid, "predictionCol", "output: predicted class index, or predicted value"),
                    new Param<>(uid, "probabilityCol", "output (classification): class probabilities; empty = none"),
                    new Param<>(uid, "rawPredictionCol", "output (classification): the output layer's activations;"
                            + " empty = none"),
                    new Param<>(uid, "predictedLabelCol", "output (classification): predicted class name; empty = none"),
                    new Param<>(uid, "task", "classification or regression",
                            ParamValidators.inArray(new String[] {CLASSIFICATION, REGRESSION})),
                    new Param<>(uid, "spec", "HOCON with the network (model { ... }) and optionally the training"
                            + " settings (train { ... }, job.seed), the keys of a sparktrain job config"),
                    new Param<>(uid, "strategy", String.join(", ", ConfigChoice.names(Strategy.class))
                            + "; overrides train.strategy",
                            ParamValidators.inArray(ConfigChoice.names(Strategy.class).toArray(String[]::new))),
                    new IntParam(uid, "epochs", "passes over the training data; overrides train.epochs",
                            ParamValidators.gtEq(1)),
                    new IntParam(uid, "batchSize", "examples per minibatch: overrides train.batch-size when set;"
                            + " also the rows per inference batch", ParamValidators.gtEq(1)),
                    new DoubleParam(uid, "learningRate", "initial learning rate; overrides"
                            + " model.optimizer.learning-rate", ParamValidators.gt(0)),
                    new LongParam(uid, "seed", "seed of weight initialisation and data splits; overrides job.seed"),
                    new StringArrayParam(owner, "labels", "class names in class-index order; empty = the label"
                            + " column's metadata (e.g. from StringIndexer), else \"0\", \"1\", ..."));
        }
    }

    Declarations declarations();

    /** Rows per inference batch when {@code batchSize} is not set. */
    int DEFAULT_BATCH_SIZE = 128;

    /** Sets every default; each implementing constructor calls this once, after its declarations exist. */
    default void setNetworkDefaults(String task) {
        Declarations d = declarations();
        setDefault(d.featuresCol(), "features");
        setDefault(d.labelCol(), "label");
        setDefault(d.weightCol(), "");
        setDefault(d.maskCol(), "");
        setDefault(d.predictionCol(), "prediction");
        setDefault(d.probabilityCol(), task.equals(CLASSIFICATION) ? "probability" : "");
        setDefault(d.rawPredictionCol(), task.equals(CLASSIFICATION) ? "rawPrediction" : "");
        setDefault(d.predictedLabelCol(), "");
        setDefault(d.task(), task);
        setDefault(d.labels(), new String[0]);
        setDefault(d.batchSize(), DEFAULT_BATCH_SIZE);
    }

    default Param<String> featuresCol() {
        return declarations().featuresCol();
    }

    default Param<String> labelCol() {
        return declarations().labelCol();
    }

    default Param<String> weightCol() {
        return declarations().weightCol();
    }

    default Param<String> maskCol() {
        return declarations().maskCol();
    }

    default Param<String> predictionCol() {
        return declarations().predictionCol();
    }

    default Param<String> probabilityCol() {
        return declarations().probabilityCol();
    }

    default Param<String> rawPredictionCol() {
        return declarations().rawPredictionCol();
    }

    default Param<String> predictedLabelCol() {
        return declarations().predictedLabelCol();
    }

    default Param<String> task() {
        return declarations().task();
    }

    default Param<String> spec() {
        return declarations().spec();
    }

    default Param<String> strategy() {
        return declarations().strategy();
    }

    default IntParam epochs() {
        return declarations().epochs();
    }

    default IntParam batchSize() {
        return declarations().batchSize();
    }

    default DoubleParam learningRate() {
        return declarations().learningRate();
    }

    default LongParam seed() {
        return declarations().seed();
    }

    default StringArrayParam labels() {
        return declarations().labels();
    }

    default String getFeaturesCol() {
        return $(featuresCol());
    }

    default String getLabelCol() {
        return $(labelCol());
    }

    default String getWeightCol() {
        return $(weightCol());
    }

    default String getMaskCol() {
        return $(maskCol());
    }

    default String getPredictionCol() {
        return $(predictionCol());
    }

    default String getProbabilityCol() {
        return $(probabilityCol());
    }

    default String getRawPredictionCol() {
        return $(rawPredictionCol());
    }

    default String getPredictedLabelCol() {
        return $(predictedLabelCol());
    }

    default String getTask() {
        return $(task());
    }

    default int getBatchSize() {
        return (Integer) $(batchSize());
    }

    default List<String> getLabels() {
        return Arrays.asList($(labels()));
    }

    default boolean isClassification() {
        return getTask().equals(CLASSIFICATION);
    }

    /** The input columns checked and the output columns appended, for {@code transformSchema}. */
    default StructType predictionSchema(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        requireColumn(schema, names, getFeaturesCol(), "featuresCol");
        if (!getMaskCol().isEmpty()) {
            requireColumn(schema, names, getMaskCol(), "maskCol");
        }
        StructType out = schema;
        if (isClassification()) {
            out = append(out, names, getRawPredictionCol(), SQLDataTypes.VectorType());
            out = append(out, names, getProbabilityCol(), SQLDataTypes.VectorType());
        }
        out = append(out, names, getPredictionCol(), DataTypes.DoubleType);
        if (isClassification()) {
            out = append(out, names, getPredictedLabelCol(), DataTypes.StringType);
        }
        return out;
    }

    private static void requireColumn(StructType schema, List<String> names, String column, String param) {
        if (!names.contains(column)) {
            throw new IllegalArgumentException(param + " '" + column + "' is not a column of the input; the columns are "
                    + names + " (set " + param + " to the column that holds it)");
        }
        if (!schema.apply(column).dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException(param + " '" + column + "' has type "
                    + schema.apply(column).dataType().simpleString() + "; it must be a vector (assemble numeric columns"
                    + " with VectorAssembler)");
        }
    }

    private static StructType append(StructType schema, List<String> names, String column,
            org.apache.spark.sql.types.DataType type) {
        if (column.isEmpty()) {
            return schema;
        }
        if (names.contains(column)) {
            throw new IllegalArgumentException("output column '" + column + "' already exists in the input; choose"
                    + " another name or drop the column first");
        }
        return schema.add(new StructField(column, type, false, org.apache.spark.sql.types.Metadata.empty()));
    }
}
