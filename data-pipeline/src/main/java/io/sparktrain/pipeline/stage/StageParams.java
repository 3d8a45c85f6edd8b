package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The params the column-wise stages share, declared once so that their names and docs cannot
 * drift apart: a saved pipeline stores params by name, and a user reads the same doc on every
 * stage. {@link HasInputOutputCols} and {@link HasMissingValue} expose them; a stage that does not
 * expose {@code missingValue} simply never uses it.
 */
record StageParams(StringArrayParam inputCols, StringArrayParam outputCols, DoubleParam missingValue) {

    /** @param whenUnset what {@code outputCols} means when it is not set */
    static StageParams of(Params owner, String whenUnset) {
        return new StageParams(
                new StringArrayParam(owner, "inputCols", "names of the numeric input columns"),
                new StringArrayParam(owner, "outputCols",
                        "names of the output columns, one per input column; when unset: " + whenUnset),
                new DoubleParam(owner, "missingValue", "a sentinel that also means missing (e.g. -999); null and NaN"
                        + " always mean missing; NaN (the default) means no sentinel"));
    }

    static StageParams inPlace(Params owner) {
        return of(owner, "the input columns, replaced in place");
    }
}
