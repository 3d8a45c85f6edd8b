package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;

/** The params {@link Smote} and {@link SmoteModel} add to {@link ImbalanceParams}. */
public interface SmoteParams extends ImbalanceParams {

    default void setSmoteDefaults() {
        setDefault(featuresCol(), "features");
        setDefault(k(), 5);
    }

    default Param<String> featuresCol() {
        return declarations().featuresCol();
    }

    default IntParam k() {
        return declarations().k();
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default int getK() {
        return (Integer) getOrDefault(k());
    }
}
