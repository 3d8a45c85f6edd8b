package io.sparktrain.pipeline.stage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Adds a 0/1 double column per input column saying the value was missing (null, NaN or the
 * sentinel {@code missingValue}).
 *
 * <p>Why: imputation erases the fact that a value was absent, and absence itself often predicts
 * the label. Put this stage <em>before</em> the Imputer in a pipeline, with the same
 * {@code missingValue}. Unlike Spark's Imputer, which with a non-NaN {@code missingValue} leaves
 * NaN alone, NaN always counts as missing here.
 *
 * <p>Params: {@code inputCols} (numeric), {@code outputCols} (default {@code <input>_missing}),
 * {@code missingValue} (default NaN: no sentinel).
 */
public final class MissingIndicator extends Transformer implements HasMissingValue, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;
    public static final String DEFAULT_SUFFIX = "_missing";

    private final String uid;
    private final StageParams stageParams;

    public MissingIndicator(String uid) {
        this.uid = uid;
        this.stageParams = StageParams.of(this, "<input>" + DEFAULT_SUFFIX);
        setMissingValueDefault();
    }

    public MissingIndicator() {
        this(Identifiable.randomUID("missingIndicator"));
    }

    public static MLReader<MissingIndicator> read() {
        return new DefaultParamsReader<>();
    }

    public static MissingIndicator load(String path) {
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

    public MissingIndicator setInputCols(String... columns) {
        set(inputCols(), columns);
        return this;
    }

    public MissingIndicator setOutputCols(String... columns) {
        set(outputCols(), columns);
        return this;
    }

    public MissingIndicator setMissingValue(double value) {
        set(missingValue(), value);
        return this;
    }

    @Override
    public String[] resolvedOutputCols() {
        if (isDefined(outputCols())) {
            return getOrDefault(outputCols());
        }
        return Arrays.stream(getInputCols()).map(c -> c + DEFAULT_SUFFIX).toArray(String[]::new);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumnParams();
        NumericColumns.require(schema, getInputCols(), "MissingIndicator");
        StructType out = schema;
        for (String output : resolvedOutputCols()) {
            if (Arrays.asList(out.fieldNames()).contains(output)) {
                throw new IllegalArgumentException("MissingIndicator output column '" + output
                        + "' already exists; choose other outputCols");
            }
            out = out.add(output, DataTypes.DoubleType, false);
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        String[] inputs = getInputCols();
        String[] outputs = resolvedOutputCols();
        Map<String, Column> indicators = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            Column missing = NumericColumns.isMissing(inputs[i], schema.apply(inputs[i]).dataType(), getMissingValue());
            indicators.put(outputs[i], functions.when(missing, 1.0).otherwise(0.0));
        }
        return dataset.toDF().withColumns(indicators);
    }

    @Override
    public MissingIndicator copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
