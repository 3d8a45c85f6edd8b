package io.sparktrain.pipeline.stage;

import java.util.Arrays;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * The params of the imbalance stages and their fitted models, declared once: Spark finds params
 * through public no-argument methods returning a {@link Param}, so the default methods here give
 * every stage the same names, docs and defaults. {@link SmoteParams} and {@link ClassWeightParams}
 * expose the params only those stages have.
 */
public interface ImbalanceParams extends Params {

    /** Every param an imbalance stage may have, owned by that stage's uid. */
    record Declarations(Param<String> labelCol, DoubleParam targetRatio, LongParam seed, Param<String> featuresCol,
            IntParam k, Param<String> weightCol) {

        static Declarations of(Params owner) {
            String uid = owner.uid();
            return new Declarations(
                    new Param<>(uid, "labelCol", "numeric class label column (a class index)"),
                    new DoubleParam(uid, "targetRatio", "each class is brought to this fraction of the majority"
                            + " class (oversampling, SMOTE, class weights) or the majority to minority / ratio"
                            + " (undersampling); in (0, 1]", ParamValidators.inRange(0, 1, false, true)),
                    new LongParam(uid, "seed", "random seed of the sampling"),
                    new Param<>(uid, "featuresCol", "vector column SMOTE interpolates (features after scaling)"),
                    new IntParam(uid, "k", "nearest minority neighbours SMOTE picks from", ParamValidators.gtEq(1)),
                    new Param<>(uid, "weightCol", "double column that receives each row's class weight"));
        }
    }

    Declarations declarations();

    /** Sets the shared defaults; each implementing constructor calls this once. */
    default void setImbalanceDefaults() {
        setDefault(labelCol(), "label");
        setDefault(targetRatio(), 1.0);
        setDefault(seed(), 42L);
    }

    default Param<String> labelCol() {
        return declarations().labelCol();
    }

    default DoubleParam targetRatio() {
        return declarations().targetRatio();
    }

    default LongParam seed() {
        return declarations().seed();
    }

    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    default double getTargetRatio() {
        return (Double) getOrDefault(targetRatio());
    }

    default long getSeed() {
        return (Long) getOrDefault(seed());
    }

    /** Fails, naming the column and the fix, unless the label column exists and is numeric. */
    default void requireLabel(StructType schema) {
        String label = getLabelCol();
        if (!Arrays.asList(schema.fieldNames()).contains(label)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": label column '" + label
                    + "' does not exist; available columns: " + Arrays.toString(schema.fieldNames()));
        }
        if (!(schema.apply(label).dataType() instanceof NumericType)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": label column '" + label + "' is "
                    + schema.apply(label).dataType().simpleString() + "; index the classes first (StringIndexer)");
        }
    }
}
