package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.param.Param;

/** The param {@link ClassWeighter} and {@link ClassWeightModel} add to {@link ImbalanceParams}. */
public interface ClassWeightParams extends ImbalanceParams {

    default void setWeightDefaults() {
        setDefault(weightCol(), "weight");
    }

    default Param<String> weightCol() {
        return declarations().weightCol();
    }

    default String getWeightCol() {
        return getOrDefault(weightCol());
    }
}
