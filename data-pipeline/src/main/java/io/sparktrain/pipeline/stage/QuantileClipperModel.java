package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Clips each input column into the bounds {@link QuantileClipper} learned; null and NaN pass
 * through untouched, so a later imputer or indicator still sees them. The output keeps the input
 * column's type (the bounds are values of the column itself, so nothing is lost).
 *
 * <p>Immutable once fitted. Saved as Spark's own models are: params in {@code path/metadata},
 * the bounds as a small Parquet table {@code (column, lower, upper)} in {@code path/data}.
 */
public final class QuantileClipperModel extends Model<QuantileClipperModel>
        implements HasInputOutputCols, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final int DATA_VERSION = 1;
    private static final StructType DATA_SCHEMA = new StructType()
            .add("column", DataTypes.StringType, false)
            .add("lower", DataTypes.DoubleType, false)
            .add("upper", DataTypes.DoubleType, false);

    /** The clipping interval of one column. */
    public record Bounds(double lower, double upper) {
    }

    private final String uid;
    private final Map<String, Bounds> bounds;
    private final StageParams stageParams;

    QuantileClipperModel(String uid, Map<String, Bounds> bounds) {
        this.uid = uid;
        this.bounds = Collections.unmodifiableMap(new LinkedHashMap<>(bounds));
        this.stageParams = StageParams.inPlace(this);
    }

    public static MLReader<QuantileClipperModel> read() {
        return new Reader();
    }

    public static QuantileClipperModel load(String path) {
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

    /** The fitted bounds by input column name. */
    public Map<String, Bounds> bounds() {
        return bounds;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireColumnParams();
        NumericColumns.require(schema, getInputCols(), "QuantileClipperModel");
        for (String input : getInputCols()) {
            if (!bounds.containsKey(input)) {
                throw new IllegalArgumentException("QuantileClipperModel has no bounds for column '" + input
                        + "'; it was fitted on " + bounds.keySet());
            }
        }
        return NumericColumns.sameTypeOutputs(schema, getInputCols(), resolvedOutputCols());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = dataset.schema();
        transformSchema(schema);
        String[] inputs = getInputCols();
        String[] outputs = resolvedOutputCols();
        Map<String, Column> clipped = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            DataType type = schema.apply(inputs[i]).dataType();
            Bounds b = bounds.get(inputs[i]);
            Column value = Columns.col(inputs[i]);
            Column inside = functions.least(functions.greatest(value.cast(DataTypes.DoubleType), functions.lit(b.lower())),
                    functions.lit(b.upper()));
            clipped.put(outputs[i], functions.when(NumericColumns.isMissing(inputs[i], type, Double.NaN), value)
                    .otherwise(inside).cast(type));
        }
        return dataset.toDF().withColumns(clipped);
    }

    @Override
    public QuantileClipperModel copy(ParamMap extra) {
        return copyValues(new QuantileClipperModel(uid, bounds), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    private static final class Writer extends MLWriter {
        private final QuantileClipperModel model;

        Writer(QuantileClipperModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            ModelFiles.saveMetadata(model, path, sc(), DATA_VERSION);
            List<Row> rows = new ArrayList<>();
            model.bounds.forEach((column, b) -> rows.add(RowFactory.create(column, b.lower(), b.upper())));
            sparkSession().createDataFrame(rows, DATA_SCHEMA).repartition(1).write().parquet(ModelFiles.dataPath(path));
        }
    }

    private static final class Reader extends MLReader<QuantileClipperModel> {
        @Override
        public QuantileClipperModel load(String path) {
            DefaultParamsReader.Metadata metadata = ModelFiles.loadMetadata(path, sc(), QuantileClipperModel.class, DATA_VERSION);
            Map<String, Bounds> bounds = new LinkedHashMap<>();
            for (Row row : sparkSession().read().parquet(ModelFiles.dataPath(path)).collectAsList()) {
                bounds.put(row.getAs("column"), new Bounds(row.<Double>getAs("lower"), row.<Double>getAs("upper")));
            }
            QuantileClipperModel model = new QuantileClipperModel(metadata.uid(), bounds);
            metadata.getAndSetParams(model, scala.Option.empty());
            return model;
        }
    }
}
