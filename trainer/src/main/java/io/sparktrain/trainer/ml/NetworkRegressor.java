package io.sparktrain.trainer.ml;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A DL4J regression network (output layer with identity activation and mse or mae loss) as a
 * Spark ML estimator. The fitted model appends prediction, which Spark's
 * {@code RegressionEvaluator} reads.
 */
public final class NetworkRegressor extends NetworkEstimator {
    private static final long serialVersionUID = 1L;

    public NetworkRegressor() {
        this(Identifiable.randomUID("networkRegressor"));
    }

    public NetworkRegressor(String uid) {
        super(uid, REGRESSION);
    }

    public static MLReader<NetworkRegressor> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an estimator saved with {@code save(path)}, as Spark's own stages offer it to Java users. */
    public static NetworkRegressor load(String path) {
        return read().load(path);
    }

    @Override
    public NetworkRegressor copy(ParamMap extra) {
        return (NetworkRegressor) defaultCopy(extra);
    }
}
