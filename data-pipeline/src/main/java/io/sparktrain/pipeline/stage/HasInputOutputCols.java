package io.sparktrain.pipeline.stage;

import java.util.Arrays;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * Column-wise stages read {@code inputCols} and write {@code outputCols}; this is the one place
 * that resolves the pair, so every stage treats a missing or mismatched {@code outputCols} alike.
 */
public interface HasInputOutputCols extends Params {
    /** The stage's declared params, made once in its constructor with {@code StageParams.of}. */
    StageParams stageParams();

    default StringArrayParam inputCols() {
        return stageParams().inputCols();
    }

    default StringArrayParam outputCols() {
        return stageParams().outputCols();
    }

    default String[] getInputCols() {
        return getOrDefault(inputCols());
    }

    /** The output column for each input column; the input column itself when outputCols is unset. */
    default String[] resolvedOutputCols() {
        return isDefined(outputCols()) ? getOrDefault(outputCols()) : getInputCols();
    }

    /** Fails, naming the stage and the fix, unless inputCols is set and outputCols matches it. */
    default void requireColumnParams() {
        String stage = getClass().getSimpleName();
        if (!isDefined(inputCols()) || getInputCols().length == 0) {
            throw new IllegalArgumentException(stage + " needs inputCols: set at least one input column");
        }
        String[] outputs = resolvedOutputCols();
        if (outputs.length != getInputCols().length) {
            throw new IllegalArgumentException(stage + " has " + getInputCols().length + " inputCols "
                    + Arrays.toString(getInputCols()) + " but " + outputs.length + " outputCols "
                    + Arrays.toString(outputs) + "; give one output column per input column");
        }
    }
}
