package io.sparktrain.pipeline.stage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fitted half every imbalance stage shares: the class counts of the training rows it was
 * fitted on, kept for the data report and saved with the pipeline, and a {@code transform} that
 * leaves the rows as they are, so the fitted {@code PipelineModel} never resamples validation, test
 * or scoring rows. Training rows are rebalanced only through {@link TrainingResampler#resample}:
 * the CLI's train job calls it, and in a plain Spark ML {@code Pipeline} the network estimator does,
 * finding this stage in the label column's metadata that {@code transform} marks ({@link ResamplingTag}).
 *
 * <p>Saved as Spark saves its models: params in {@code path/metadata} (with a data version), the
 * counts as a Parquet table {@code (label, count)} in {@code path/data}.
 *
 * @param <M> the concrete model
 */
public abstract class ImbalanceModel<M extends ImbalanceModel<M>> extends Model<M>
        implements ImbalanceParams, TrainingResampler, MLWritable {
    private static final long serialVersionUID = 1L;
    private static final int DATA_VERSION = 1;
    private static final StructType DATA_SCHEMA = new StructType()
            .add("label", DataTypes.DoubleType, false)
            .add("count", DataTypes.LongType, false);

    private final String uid;
    private final Declarations declarations;
    private final ClassCounts fitted;

    protected ImbalanceModel(String uid, ClassCounts fitted) {
        this.uid = uid;
        this.declarations = Declarations.of(this);
        this.fitted = fitted;
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

    /** Rows per class of the training rows this model was fitted on. */
    public ClassCounts fittedCounts() {
        return fitted;
    }

    /** A new model like this one with another uid and counts; {@link #copy} and the reader use it. */
    protected abstract M create(String uid, ClassCounts counts);

    /**
     * The same rows, so the data a fitted pipeline scores keeps its real class balance; the label
     * column, where there is one, is marked with this stage for the estimator that trains next.
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Dataset<Row> rows = dataset.toDF();
        if (!hasLabel(rows.schema())) {
            return rows;
        }
        return rows.withMetadata(getLabelCol(), ResamplingTag.mark(rows.schema().apply(getLabelCol()).metadata(), this));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!hasLabel(schema)) {
            return schema;
        }
        StructField[] fields = schema.fields().clone();
        int label = schema.fieldIndex(getLabelCol());
        StructField field = fields[label];
        fields[label] = new StructField(field.name(), field.dataType(), field.nullable(),
                ResamplingTag.mark(field.metadata(), this));
        return new StructType(fields);
    }

    /** Scoring rows have no label: nothing to balance, nothing to mark. */
    private boolean hasLabel(StructType schema) {
        return Arrays.asList(schema.fieldNames()).contains(getLabelCol());
    }

    @Override
    public M copy(ParamMap extra) {
        return copyValues(create(uid, fitted), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    /** The reader of a concrete model; {@code create} builds it from the saved uid and counts. */
    protected static <M extends ImbalanceModel<M>> MLReader<M> reader(Class<M> type,
            BiFunction<String, ClassCounts, M> create) {
        return new MLReader<>() {
            @Override
            public M load(String path) {
                DefaultParamsReader.Metadata metadata = ModelFiles.loadMetadata(path, sc(), type, DATA_VERSION);
                Map<Object, Long> counts = new LinkedHashMap<>();
                for (Row row : sparkSession().read().parquet(ModelFiles.dataPath(path)).orderBy("label").collectAsList()) {
                    counts.put(row.getDouble(0), row.getLong(1));
                }
                M model = create.apply(metadata.uid(), new ClassCounts("label", counts));
                metadata.getAndSetParams(model, scala.Option.empty());
                return model;
            }
        };
    }

    private static final class Writer extends MLWriter {
        private final ImbalanceModel<?> model;

        Writer(ImbalanceModel<?> model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            ModelFiles.saveMetadata(model, path, sc(), DATA_VERSION);
            List<Row> rows = new ArrayList<>();
            model.fitted.counts().forEach((label, n) -> rows.add(RowFactory.create(((Number) label).doubleValue(), n)));
            sparkSession().createDataFrame(rows, DATA_SCHEMA).repartition(1).write().parquet(ModelFiles.dataPath(path));
        }
    }
}
