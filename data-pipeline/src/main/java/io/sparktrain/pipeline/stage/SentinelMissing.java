package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Turns a declared sentinel (a number that a column uses to mean "missing", such as 0 for an
 * unknown income or -999) into null, each column with its own sentinel.
 *
 * <p>Why a stage of its own: once a sentinel is null, every later stage (Spark's Imputer with any
 * strategy, {@link MissingIndicator}, {@link QuantileClipper}, the scalers) treats it as missing
 * without knowing about sentinels; otherwise 0 would pull a mean down and widen a clipping range.
 *
 * <p>Params: {@code inputCols} (numeric), {@code sentinels} (one per input column), results written
 * in place.
 */
public final class SentinelMissing extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final StageParams stageParams;
    private final DoubleArrayParam sentinels;

    public SentinelMissing(String uid) {
        this.uid = uid;
        this.stageParams = StageParams.inPlace(this);
        this.sentinels = new DoubleArrayParam(this, "sentinels",
                "per input column, the value that means missing there and becomes null");
    }

    public SentinelMissing() {
        this(Identifiable.randomUID("sentinelMissing"));
    }

    public static MLReader<SentinelMissing> read() {
        return new DefaultParamsReader<>();
    }

    public static SentinelMissing load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    public StringArrayParam inputCols() {
        return stageParams.inputCols();
    }

    public DoubleArrayParam sentinels() {
        return sentinels;
    }

    public String[] getInputCols() {
        return getOrDefault(inputCols());
    }

    public double[] getSentinels() {
        return getOrDefault(sentinels);
    }

    public SentinelMissing setInputCols(String... columns) {
        set(inputCols(), columns);
        return this;
    }

    public SentinelMissing setSentinels(double... values) {
        set(sentinels, values);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(inputCols()) || !isDefined(sentinels) || getInputCols().length != getSentinels().length) {
            throw new IllegalArgumentException("SentinelMissing needs inputCols and one sentinel per input column, got "
                    + (isDefined(inputCols()) ? getInputCols().length : 0) + " column(s) and "
                    + (isDefined(sentinels) ? getSentinels().length : 0) + " sentinel(s)");
        }
        NumericColumns.require(schema, getInputCols(), "SentinelMissing");
        return schema;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String[] inputs = getInputCols();
        double[] values = getSentinels();
        Map<String, Column> nulled = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            Column value = Columns.col(inputs[i]);
            nulled.put(inputs[i], functions.when(value.equalTo(values[i]), functions.lit(null)).otherwise(value)
                    .cast(dataset.schema().apply(inputs[i]).dataType()));
        }
        return dataset.toDF().withColumns(nulled);
    }

    @Override
    public SentinelMissing copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
