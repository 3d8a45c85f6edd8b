package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Random undersampling: every class above {@code minority / targetRatio} rows is lowered to it by
 * keeping a seeded uniform random sample of its rows.
 *
 * <p>Why: rebalances without inventing or repeating rows and makes training faster; it throws
 * majority rows away, which is right when there are plenty of them.
 *
 * <p>Fitting only counts the classes; the rows change in {@link RandomUndersamplerModel#resample},
 * which the training job calls on the training rows alone ({@link TrainingResampler}).
 */
public final class RandomUndersampler extends ImbalanceEstimator<RandomUndersamplerModel> {
    private static final long serialVersionUID = 1L;

    public RandomUndersampler(String uid) {
        super(uid);
    }

    public RandomUndersampler() {
        this(Identifiable.randomUID("randomUndersampler"));
    }

    public static MLReader<RandomUndersampler> read() {
        return new DefaultParamsReader<>();
    }

    public static RandomUndersampler load(String path) {
        return read().load(path);
    }

    @Override
    protected RandomUndersamplerModel model(String uid, ClassCounts counts) {
        return new RandomUndersamplerModel(uid, counts);
    }
}
