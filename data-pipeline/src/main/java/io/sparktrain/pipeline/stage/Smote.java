package io.sparktrain.pipeline.stage;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.types.StructType;

/**
 * SMOTE (Chawla et al., 2002): every class below {@code targetRatio × majority} rows is raised to
 * it with synthetic rows, each on the segment between a real row of that class and one of its
 * {@code k} nearest neighbours within the class.
 *
 * <p>Why: unlike repeating rows, interpolating spreads the minority over the region it occupies,
 * so the network overfits it less. It reads the assembled, scaled feature vector: distances in raw
 * units would let the widest column decide who is a neighbour. Fitting only counts the classes;
 * the rows are synthesised in {@link SmoteModel#resample}, on the training rows alone.
 */
public final class Smote extends ImbalanceEstimator<SmoteModel> implements SmoteParams {
    private static final long serialVersionUID = 1L;

    public Smote(String uid) {
        super(uid);
        setSmoteDefaults();
    }

    public Smote() {
        this(Identifiable.randomUID("smote"));
    }

    public static MLReader<Smote> read() {
        return new DefaultParamsReader<>();
    }

    public static Smote load(String path) {
        return read().load(path);
    }

    public Smote setFeaturesCol(String column) {
        set(featuresCol(), column);
        return this;
    }

    public Smote setK(int neighbours) {
        set(k(), neighbours);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireFeatures(this, schema);
        return super.transformSchema(schema);
    }

    @Override
    protected SmoteModel model(String uid, ClassCounts counts) {
        return new SmoteModel(uid, counts);
    }

    static void requireFeatures(SmoteParams stage, StructType schema) {
        String features = stage.getFeaturesCol();
        if (!Arrays.asList(schema.fieldNames()).contains(features)
                || !schema.apply(features).dataType().equals(SQLDataTypes.VectorType())) {
            throw new IllegalArgumentException("SMOTE needs the vector column featuresCol '" + features
                    + "' (the assembled, scaled features); the columns are " + Arrays.toString(schema.fieldNames()));
        }
    }
}
