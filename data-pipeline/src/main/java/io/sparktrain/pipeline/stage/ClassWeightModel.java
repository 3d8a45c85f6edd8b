package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A fitted {@link ClassWeighter}: the weights of the fitted class counts. Identity in a pipeline
 * (scoring rows have no label to weigh by); {@link #resample} adds the weight column to training
 * rows and leaves the rows themselves alone.
 */
public final class ClassWeightModel extends ImbalanceModel<ClassWeightModel> implements ClassWeightParams {
    private static final long serialVersionUID = 1L;

    ClassWeightModel(String uid, ClassCounts counts) {
        super(uid, counts);
        setWeightDefaults();
    }

    public static MLReader<ClassWeightModel> read() {
        return reader(ClassWeightModel.class, ClassWeightModel::new);
    }

    public static ClassWeightModel load(String path) {
        return read().load(path);
    }

    @Override
    protected ClassWeightModel create(String uid, ClassCounts counts) {
        return new ClassWeightModel(uid, counts);
    }

    /** Weight by class label, from the counts this model was fitted on. */
    public Map<Double, Double> weights() {
        ClassCounts counts = fittedCounts();
        Map<Double, Double> weights = new LinkedHashMap<>();
        counts.oversamplingTargets(getTargetRatio()).forEach((label, target) -> weights.put(
                ((Number) label).doubleValue(), (double) target / counts.count(label)));
        return weights;
    }

    /** Training rows with the weight column; a class the fitted rows did not have fails, naming it. */
    @Override
    public Dataset<Row> resample(Dataset<?> training) {
        requireLabel(training.schema());
        Column label = Columns.col(getLabelCol()).cast("double");
        Column weight = functions.lit(null);
        for (Map.Entry<Double, Double> entry : weights().entrySet()) {
            weight = functions.when(label.equalTo(entry.getKey()), entry.getValue()).otherwise(weight);
        }
        Column checked = functions.coalesce(weight, functions.raise_error(functions.concat(
                functions.lit("ClassWeightModel: label column '" + getLabelCol() + "' has class "),
                label.cast("string"), functions.lit(" that the weights were not fitted on " + weights().keySet()))));
        return training.toDF().withColumn(getWeightCol(), checked.cast("double"));
    }
}
