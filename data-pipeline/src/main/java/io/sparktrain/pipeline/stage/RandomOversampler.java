package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Random oversampling: every class below {@code targetRatio × majority} rows is raised to it by
 * repeating its rows (each at least once, the remainder chosen at random with the seed).
 *
 * <p>Why: the cheapest rebalancing; it adds no information, so it overfits the repeated minority
 * rows sooner than SMOTE does, but keeps every real row and needs no feature space.
 *
 * <p>Fitting only counts the classes; the rows change in {@link RandomOversamplerModel#resample},
 * which the training job calls on the training rows alone ({@link TrainingResampler}).
 */
public final class RandomOversampler extends ImbalanceEstimator<RandomOversamplerModel> {
    private static final long serialVersionUID = 1L;

    public RandomOversampler(String uid) {
        super(uid);
    }

    public RandomOversampler() {
        this(Identifiable.randomUID("randomOversampler"));
    }

    public static MLReader<RandomOversampler> read() {
        return new DefaultParamsReader<>();
    }

    public static RandomOversampler load(String path) {
        return read().load(path);
    }

    @Override
    protected RandomOversamplerModel model(String uid, ClassCounts counts) {
        return new RandomOversamplerModel(uid, counts);
    }
}
