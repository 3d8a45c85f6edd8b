package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Replaces missing values (null, NaN or the sentinel {@code missingValue}) with one constant.
 *
 * <p>Why: Spark's Imputer only knows mean, median and mode; a constant (0, or an out-of-range
 * marker such as -1) is the right fill when "missing" means "none", and it needs no fitting.
 * Like Spark's Imputer, the output keeps the input column's type, so an integer column filled
 * with 2.7 gets 2.
 *
 * <p>Params: {@code inputCols} (numeric), {@code outputCols} (default: replace the input columns
 * in place), {@code value} (required), {@code missingValue} (default NaN: no sentinel).
 */
public final class ConstantImputer extends Transformer implements HasMissingValue, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final StageParams stageParams;
    private final DoubleParam value;

    public ConstantImputer(String uid) {
        this.uid = uid;
        this.stageParams = StageParams.inPlace(this);
        this.value = new DoubleParam(this, "value", "the constant that replaces missing values");
        setMissingValueDefault();
    }

    public ConstantImputer() {
        this(Identifiable.randomUID("constantImputer"));
    }

    public static MLReader<ConstantImputer> read() {
        return new DefaultParamsReader<>();
    }

    public static ConstantImputer load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StageParams stageParams() {
        return stageParams;
    }

    public DoubleParam value() {
        return value;
    }

    public double getValue() {
        return (Double) getOrDefault(value);
    }

    public ConstantImputer setInputCols(String... columns) {
        set(inputCols(), columns);
        return this;
    }

    public ConstantImputer setOutputCols(String... columns) {
        set(outputCols(), columns);
        return this;
    }

    public ConstantImputer setValue(double fill) {
        set(value, fill);
        return this;
    }

    public ConstantImputer setMissingValue(double sentinel) {
        set(missingValue(), sentinel);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumnParams();
        if (!isDefined(value)) {
            throw new IllegalArgumentException("ConstantImputer needs value: set the constant that replaces missing values");
        }
        NumericColumns.require(schema, getInputCols(), "ConstantImputer");
        return NumericColumns.sameTypeOutputs(schema, getInputCols(), resolvedOutputCols());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        String[] inputs = getInputCols();
        String[] outputs = resolvedOutputCols();
        Map<String, Column> filled = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            DataType type = schema.apply(inputs[i]).dataType();
            Column missing = NumericColumns.isMissing(inputs[i], type, getMissingValue());
            filled.put(outputs[i], functions.when(missing, getValue()).otherwise(Columns.col(inputs[i])).cast(type));
        }
        return dataset.toDF().withColumns(filled);
    }

    @Override
    public ConstantImputer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
