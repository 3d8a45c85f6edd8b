package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted {@link RandomUndersampler}: identity in a pipeline; {@link #resample} undersamples the
 * training rows it is given, counting their classes afresh (they may be fewer than the fitted rows
 * once validation rows are held out).
 */
public final class RandomUndersamplerModel extends ImbalanceModel<RandomUndersamplerModel> {
    private static final long serialVersionUID = 1L;

    RandomUndersamplerModel(String uid, ClassCounts counts) {
        super(uid, counts);
    }

    public static MLReader<RandomUndersamplerModel> read() {
        return reader(RandomUndersamplerModel.class, RandomUndersamplerModel::new);
    }

    public static RandomUndersamplerModel load(String path) {
        return read().load(path);
    }

    @Override
    protected RandomUndersamplerModel create(String uid, ClassCounts counts) {
        return new RandomUndersamplerModel(uid, counts);
    }

    @Override
    public Dataset<Row> resample(Dataset<?> training) {
        return ClassSampling.rebalance(training, this, counts -> counts.undersamplingTargets(getTargetRatio()));
    }
}
