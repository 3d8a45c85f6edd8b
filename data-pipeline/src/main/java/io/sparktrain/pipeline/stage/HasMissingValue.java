package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.param.DoubleParam;

/** A column-wise stage that also treats a sentinel value as missing. */
public interface HasMissingValue extends HasInputOutputCols {

    default DoubleParam missingValue() {
        return stageParams().missingValue();
    }

    default double getMissingValue() {
        return (Double) getOrDefault(missingValue());
    }

    /** No sentinel unless one is set. */
    default void setMissingValueDefault() {
        setDefault(missingValue(), Double.NaN);
    }
}
