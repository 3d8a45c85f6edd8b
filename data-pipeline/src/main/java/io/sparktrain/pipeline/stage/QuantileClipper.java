package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/**
 * Learns per-column bounds at a lower and an upper quantile of the training data, so that the
 * fitted {@link QuantileClipperModel} can clip outliers (winsorize) before scaling.
 *
 * <p>Why: a handful of extreme values dominate StandardScaler's variance and MinMaxScaler's range,
 * squeezing every ordinary value into a sliver of the scale. Bounds come from Spark's
 * {@code approxQuantile}, one pass over the data for all columns, ignoring null and NaN; put the
 * stage after imputation so that sentinels do not count as values.
 *
 * <p>Params: {@code inputCols} (numeric), {@code outputCols} (default: replace in place),
 * {@code lowerQuantile} (default 0.01), {@code upperQuantile} (default 0.99),
 * {@code relativeError} (default 0.001; 0 computes exact quantiles, at a high cost).
 */
public final class QuantileClipper extends Estimator<QuantileClipperModel>
        implements HasInputOutputCols, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final StageParams stageParams;
    private final DoubleParam lowerQuantile;
    private final DoubleParam upperQuantile;
    private final DoubleParam relativeError;

    public QuantileClipper(String uid) {
        this.uid = uid;
        this.stageParams = StageParams.inPlace(this);
        this.lowerQuantile = new DoubleParam(this, "lowerQuantile",
                "quantile in [0, 1] whose value becomes each column's lower bound", ParamValidators.inRange(0, 1));
        this.upperQuantile = new DoubleParam(this, "upperQuantile",
                "quantile in [0, 1] whose value becomes each column's upper bound", ParamValidators.inRange(0, 1));
        this.relativeError = new DoubleParam(this, "relativeError",
                "relative rank error of approxQuantile, in [0, 1]", ParamValidators.inRange(0, 1));
        setDefault(lowerQuantile, 0.01);
        setDefault(upperQuantile, 0.99);
        setDefault(relativeError, 0.001);
    }

    public QuantileClipper() {
        this(Identifiable.randomUID("quantileClipper"));
    }

    public static MLReader<QuantileClipper> read() {
        return new DefaultParamsReader<>();
    }

    public static QuantileClipper load(String path) {
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

    public DoubleParam lowerQuantile() {
        return lowerQuantile;
    }

    public DoubleParam upperQuantile() {
        return upperQuantile;
    }

    public DoubleParam relativeError() {
        return relativeError;
    }

    public double getLowerQuantile() {
        return (Double) getOrDefault(lowerQuantile);
    }

    public double getUpperQuantile() {
        return (Double) getOrDefault(upperQuantile);
    }

    public double getRelativeError() {
        return (Double) getOrDefault(relativeError);
    }

    public QuantileClipper setInputCols(String... columns) {
        set(inputCols(), columns);
        return this;
    }

    public QuantileClipper setOutputCols(String... columns) {
        set(outputCols(), columns);
        return this;
    }

    public QuantileClipper setLowerQuantile(double quantile) {
        set(lowerQuantile, quantile);
        return this;
    }

    public QuantileClipper setUpperQuantile(double quantile) {
        set(upperQuantile, quantile);
        return this;
    }

    public QuantileClipper setRelativeError(double error) {
        set(relativeError, error);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumnParams();
        if (getLowerQuantile() >= getUpperQuantile()) {
            throw new IllegalArgumentException("QuantileClipper needs lowerQuantile < upperQuantile, got "
                    + getLowerQuantile() + " and " + getUpperQuantile());
        }
        NumericColumns.require(schema, getInputCols(), "QuantileClipper");
        return NumericColumns.sameTypeOutputs(schema, getInputCols(), resolvedOutputCols());
    }

    @Override
    public QuantileClipperModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        String[] inputs = getInputCols();
        double[][] quantiles = dataset.stat().approxQuantile(Columns.quoted(List.of(inputs)),
                new double[] {getLowerQuantile(), getUpperQuantile()}, getRelativeError());
        Map<String, QuantileClipperModel.Bounds> bounds = new LinkedHashMap<>();
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (quantiles[i].length == 0) {
                empty.add("'" + inputs[i] + "'");
            } else {
                bounds.put(inputs[i], new QuantileClipperModel.Bounds(quantiles[i][0], quantiles[i][1]));
            }
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("QuantileClipper cannot fit column " + String.join(", ", empty)
                    + ": no values other than null and NaN; drop the column or impute it first");
        }
        return copyValues(new QuantileClipperModel(uid, bounds), ParamMap.empty()).setParent(this);
    }

    @Override
    public QuantileClipper copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
