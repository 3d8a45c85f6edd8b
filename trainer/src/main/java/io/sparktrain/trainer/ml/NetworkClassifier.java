package io.sparktrain.trainer.ml;

import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * A DL4J classifier as a Spark ML estimator. The label column holds class indices (e.g. from
 * StringIndexer); the fitted model appends rawPrediction, probability and prediction, so Spark's
 * {@code MulticlassClassificationEvaluator} and {@code BinaryClassificationEvaluator} read it.
 */
public final class NetworkClassifier extends NetworkEstimator {
    private static final long serialVersionUID = 1L;

    public NetworkClassifier() {
        this(Identifiable.randomUID("networkClassifier"));
    }

    public NetworkClassifier(String uid) {
        super(uid, CLASSIFICATION);
    }

    public static MLReader<NetworkClassifier> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an estimator saved with {@code save(path)}, as Spark's own stages offer it to Java users. */
    public static NetworkClassifier load(String path) {
        return read().load(path);
    }

    @Override
    public NetworkClassifier copy(ParamMap extra) {
        return (NetworkClassifier) defaultCopy(extra);
    }
}
