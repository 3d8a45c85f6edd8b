package io.sparktrain.pipeline.stage;

import java.util.Map;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted {@link Smote}: identity in a pipeline; {@link #resample} adds synthetic rows to the
 * training rows it is given ({@link SmotePoints} makes them), counting their classes afresh.
 */
public final class SmoteModel extends ImbalanceModel<SmoteModel> implements SmoteParams {
    private static final long serialVersionUID = 1L;

    SmoteModel(String uid, ClassCounts counts) {
        super(uid, counts);
        setSmoteDefaults();
    }

    public static MLReader<SmoteModel> read() {
        return reader(SmoteModel.class, SmoteModel::new);
    }

    public static SmoteModel load(String path) {
        return read().load(path);
    }

    @Override
    protected SmoteModel create(String uid, ClassCounts counts) {
        return new SmoteModel(uid, counts);
    }

    /**
     * The training rows plus, for each class short of its target, the missing number of synthetic
     * rows: label and features set, every other column null (they describe no real row).
     */
    @Override
    public Dataset<Row> resample(Dataset<?> training) {
        requireLabel(training.schema());
        Smote.requireFeatures(this, training.schema());
        Dataset<Row> rows = training.toDF();
        ClassCounts counts = ClassCounts.of(rows, getLabelCol());
        Map<Object, Long> targets = counts.oversamplingTargets(getTargetRatio());
        SmotePoints points = new SmotePoints(getLabelCol(), getFeaturesCol(), getK(), getSeed());
        Dataset<Row> out = rows;
        for (Map.Entry<Object, Long> target : targets.entrySet()) {
            long missing = target.getValue() - counts.count(target.getKey());
            if (missing > 0) {
                out = out.unionByName(points.synthesise(rows, target.getKey(), missing), true);
            }
        }
        return out;
    }
}
