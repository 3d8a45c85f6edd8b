package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted {@link RandomOversampler}: identity in a pipeline; {@link #resample} oversamples the
 * training rows it is given, counting their classes afresh (they may be fewer than the fitted rows
 * once validation rows are held out).
 */
public final class RandomOversamplerModel extends ImbalanceModel<RandomOversamplerModel> {
    private static final long serialVersionUID = 1L;

    RandomOversamplerModel(String uid, ClassCounts counts) {
        super(uid, counts);
    }

    public static MLReader<RandomOversamplerModel> read() {
        return reader(RandomOversamplerModel.class, RandomOversamplerModel::new);
    }

    public static RandomOversamplerModel load(String path) {
        return read().load(path);
    }

    @Override
    protected RandomOversamplerModel create(String uid, ClassCounts counts) {
        return new RandomOversamplerModel(uid, counts);
    }

    @Override
    public Dataset<Row> resample(Dataset<?> training) {
        return ClassSampling.rebalance(training, this, counts -> counts.oversamplingTargets(getTargetRatio()));
    }
}
