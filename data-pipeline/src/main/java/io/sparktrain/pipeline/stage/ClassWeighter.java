package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;

/**
 * Learns inverse-frequency class weights from the training rows: class c with n_c rows gets
 * {@code max(n_c, targetRatio × majority) / n_c}, so with the default ratio 1 every class carries
 * the same total weight as the majority class, whose weight is 1.
 *
 * <p>Why: reweighting the loss rebalances training without copying, dropping or inventing a
 * single row. The trainer hands {@link ClassWeightModel#weights} to the output layer's loss
 * (DL4J's weighted losses, one weight per softmax unit); {@code resample} also writes them to a
 * per-row weight column, for consumers that take one (Spark ML's {@code weightCol}). Not DL4J's
 * labels mask: in DL4J 1.0.0-M2 a mask of 3 on one example gave 3.64 times its loss, not 3 times,
 * because the output layer also multiplies its pre-activations by the mask. The seed param is
 * unused: weighting is deterministic.
 */
public final class ClassWeighter extends ImbalanceEstimator<ClassWeightModel> implements ClassWeightParams {
    private static final long serialVersionUID = 1L;

    public ClassWeighter(String uid) {
        super(uid);
        setWeightDefaults();
    }

    public ClassWeighter() {
        this(Identifiable.randomUID("classWeighter"));
    }

    public static MLReader<ClassWeighter> read() {
        return new DefaultParamsReader<>();
    }

    public static ClassWeighter load(String path) {
        return read().load(path);
    }

    public ClassWeighter setWeightCol(String column) {
        set(weightCol(), column);
        return this;
    }

    @Override
    protected ClassWeightModel model(String uid, ClassCounts counts) {
        return new ClassWeightModel(uid, counts);
    }
}
