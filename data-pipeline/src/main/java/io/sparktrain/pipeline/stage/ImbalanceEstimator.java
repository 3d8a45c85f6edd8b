package io.sparktrain.pipeline.stage;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * The fitting half every imbalance stage shares: it counts the classes of the training rows (and
 * refuses null, NaN or continuous labels) and hands the counts to a model whose {@code transform}
 * keeps the rows as they are, so that resampling happens only where training calls
 * {@link TrainingResampler#resample} (see {@link ImbalanceModel}). Params are declared once in
 * {@link ImbalanceParams}.
 *
 * @param <M> the fitted model
 */
public abstract class ImbalanceEstimator<M extends Model<M>> extends Estimator<M>
        implements ImbalanceParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Declarations declarations;

    protected ImbalanceEstimator(String uid) {
        this.uid = uid;
        this.declarations = Declarations.of(this);
        setImbalanceDefaults();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Declarations declarations() {
        return declarations;
    }

    public ImbalanceEstimator<M> setLabelCol(String column) {
        set(labelCol(), column);
        return this;
    }

    public ImbalanceEstimator<M> setTargetRatio(double ratio) {
        set(targetRatio(), ratio);
        return this;
    }

    public ImbalanceEstimator<M> setSeed(long value) {
        set(seed(), value);
        return this;
    }

    /** The fitted model of this stage, before its params are copied over. */
    protected abstract M model(String uid, ClassCounts counts);

    @Override
    public M fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        M model = model(uid, ClassCounts.of(dataset, getLabelCol()));
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireLabel(schema);
        return schema;
    }

    @Override
    public Estimator<M> copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
