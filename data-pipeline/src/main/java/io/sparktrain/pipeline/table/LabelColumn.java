package io.sparktrain.pipeline.table;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import java.util.List;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns a table's label column into the double column {@value #LABEL_COL} the minibatcher reads:
 * a class index (position in the configured class names) or a regression target. A network with
 * several outputs reads one such column per output ({@link #targetOf}).
 */
public final class LabelColumn {
    public static final String LABEL_COL = "label__target";
    private static final String LABEL_TEXT_COL = "label__text";

    /** The target column of one output of a multi-output network. */
    public static String targetOf(String output) {
        return LABEL_COL + "__" + output;
    }

    private LabelColumn() {
    }

    /** Rows whose label is missing; they cannot be trained or evaluated on. */
    public static Dataset<Row> withoutMissing(Dataset<Row> rows, String column) {
        return rows.filter(col(column).isNotNull());
    }

    /**
     * Class index by class name; numbers match by their text ("1" for 1 or 1.0 is not the same
     * text, so name classes as the data writes them). An unknown class fails with its value and count,
     * naming the library's settings.
     */
    public static Dataset<Row> classes(Dataset<Row> rows, String column, List<String> names, String where) {
        return classes(rows, column, names, where, SettingNames.LIBRARY);
    }

    /** As {@link #classes(Dataset, String, List, String)}, with messages that name {@code settings}. */
    public static Dataset<Row> classes(Dataset<Row> rows, String column, List<String> names, String where,
            SettingNames settings) {
        NumericColumns.requirePresent(rows, List.of(column), where, settings.label());
        Dataset<Row> text = rows.withColumn(column, trim(col(column).cast(DataTypes.StringType)));
        Dataset<Row> unknown = text.filter(col(column).isNotNull().and(not(col(column).isin(names.toArray()))));
        List<Row> examples = unknown.select(col(column)).distinct().limit(5).collectAsList();
        if (!examples.isEmpty()) {
            throw new DataSourceException(where + ": label column '" + column + "' has " + unknown.count()
                    + " row(s) with a class not in " + settings.classes() + " " + names + ", e.g. "
                    + examples.stream().map(r -> "'" + r.getString(0) + "'").toList()
                    + "; add the class to " + settings.classes() + " or fix the data");
        }
        return index(text, column, names);
    }

    /**
     * Class index by class name, for labels already checked ({@code io.sparktrain.pipeline.check.TableCheck}).
     * The indexer reads a copy of the label under a plain name: Spark's StringIndexerModel cannot
     * resolve a column whose name holds a dot or a backtick.
     */
    public static Dataset<Row> index(Dataset<Row> rows, String column, List<String> names) {
        return index(rows, column, names, LABEL_COL);
    }

    /** As above, into the column {@code target}. */
    public static Dataset<Row> index(Dataset<Row> rows, String column, List<String> names, String target) {
        return new StringIndexerModel(names.toArray(String[]::new)).setInputCol(LABEL_TEXT_COL).setOutputCol(target)
                .transform(rows.withColumn(LABEL_TEXT_COL, col(column))).drop(LABEL_TEXT_COL);
    }

    /**
     * The label as a double target; a value that is not a finite number fails with its column and an
     * example, naming the library's settings (the CLI checks its tables with TableCheck instead).
     */
    public static Dataset<Row> regression(Dataset<Row> rows, String column, String where) {
        Dataset<Row> typed = NumericColumns.asDoubles(rows, List.of(column), where, SettingNames.LIBRARY.label());
        return target(typed, column);
    }

    /** The label as the regression target, for a label column already typed as double by the check. */
    public static Dataset<Row> target(Dataset<Row> rows, String column) {
        return target(rows, column, LABEL_COL);
    }

    /** As above, into the column {@code target}. */
    public static Dataset<Row> target(Dataset<Row> rows, String column, String target) {
        return rows.withColumn(target, col(column));
    }
}
