package io.sparktrain.pipeline.stage;

import io.sparktrain.pipeline.column.Columns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Copies each input column, values and type unchanged, into an output column of another name.
 *
 * <p>Why: Spark ML's own stages (VectorAssembler, Imputer, StringIndexer, OneHotEncoder, the
 * scalers) parse their input column names, so a name with a dot ({@code x_0.25}) or a backtick
 * fails them with an {@code AnalysisException}, and a quoted name does not help because they also
 * look it up in the schema as written. Put this stage first, copying the user's columns to plain
 * names, and give the later stages the plain names; the user's columns stay as they were, for
 * ids, labels and anything else that passes through.
 *
 * <p>Params: {@code inputCols} (any type, any name), {@code outputCols} (one per input column, none
 * of them already in the input).
 */
public final class ColumnCopier extends Transformer implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final StringArrayParam inputCols;
    private final StringArrayParam outputCols;

    public ColumnCopier(String uid) {
        this.uid = uid;
        this.inputCols = new StringArrayParam(this, "inputCols", "names of the columns to copy, as written");
        this.outputCols = new StringArrayParam(this, "outputCols", "names of the copies, one per input column");
    }

    public ColumnCopier() {
        this(Identifiable.randomUID("columnCopier"));
    }

    public static MLReader<ColumnCopier> read() {
        return new DefaultParamsReader<>();
    }

    public static ColumnCopier load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    public StringArrayParam inputCols() {
        return inputCols;
    }

    public StringArrayParam outputCols() {
        return outputCols;
    }

    public String[] getInputCols() {
        return getOrDefault(inputCols);
    }

    public String[] getOutputCols() {
        return getOrDefault(outputCols);
    }

    public ColumnCopier setInputCols(String... columns) {
        set(inputCols, columns);
        return this;
    }

    public ColumnCopier setOutputCols(String... columns) {
        set(outputCols, columns);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(inputCols) || !isDefined(outputCols) || getInputCols().length != getOutputCols().length) {
            throw new IllegalArgumentException("ColumnCopier needs inputCols and one output column per input column,"
                    + " got " + (isDefined(inputCols) ? getInputCols().length : 0) + " input(s) and "
                    + (isDefined(outputCols) ? getOutputCols().length : 0) + " output(s)");
        }
        List<String> names = Arrays.asList(schema.fieldNames());
        List<String> problems = new ArrayList<>();
        Arrays.stream(getInputCols()).filter(c -> !names.contains(c)).forEach(c -> problems.add("'" + c + "' does not exist"));
        Arrays.stream(getOutputCols()).filter(names::contains).forEach(c -> problems.add("'" + c + "' already exists"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("ColumnCopier cannot copy: column " + String.join(", ", problems)
                    + "; available columns: " + names);
        }
        StructType out = schema;
        for (int i = 0; i < getInputCols().length; i++) {
            StructField input = schema.apply(getInputCols()[i]);
            out = out.add(getOutputCols()[i], input.dataType(), input.nullable());
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> copies = new LinkedHashMap<>();
        for (int i = 0; i < getInputCols().length; i++) {
            copies.put(getOutputCols()[i], Columns.col(getInputCols()[i]));
        }
        return dataset.toDF().withColumns(copies);
    }

    @Override
    public ColumnCopier copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
