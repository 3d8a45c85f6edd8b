package io.sparktrain.pipeline.source;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.trim;

import io.sparktrain.pipeline.settings.SettingNames;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Documents stored as one column of a CSV table with a header, one row per document, the class (when
 * there is one) in another column: the layout of most exported text datasets. Quoted fields may hold
 * the delimiter, doubled quotes and line breaks. The rows keep the table's own columns (ids pass
 * through to predictions) and gain {@link TextFolderSource}'s {@code path}, {@code text} and
 * {@code label_name}, so the rest of the text path does not care where documents came from.
 */
public final class TextColumnSource {
    private final SparkSession spark;
    private final SettingNames settings;

    /** A source whose messages name its own parameters ({@link SettingNames#LIBRARY}). */
    public TextColumnSource(SparkSession spark) {
        this(spark, SettingNames.LIBRARY);
    }

    /** @param settings how messages name the settings that fix a problem: the CLI passes its config keys */
    public TextColumnSource(SparkSession spark, SettingNames settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /**
     * @param uri         CSV file or folder of CSV files (any Hadoop URI)
     * @param textColumn  column holding the documents
     * @param labelColumn column holding the class names; read only when present, e.g. absent in data to score
     * @param partitions  partitions to spread the documents over; 0 = as read
     */
    public Dataset<Row> read(String uri, String textColumn, String labelColumn, int partitions) {
        Dataset<Row> table = spark.read().option("header", true).option("multiLine", true).option("escape", "\"")
                .option("inferSchema", false).csv(uri);
        List<String> columns = Arrays.asList(table.columns());
        if (!columns.contains(textColumn)) {
            throw new DataSourceException(uri + " has no text column '" + textColumn + "' (" + settings.textColumn() + "); its"
                    + " columns are " + columns + ". Name the column that holds the documents");
        }
        Dataset<Row> documents = table.withColumn(TextFolderSource.PATH_COL, input_file_name())
                .withColumn(TextFolderSource.TEXT_COL, col(textColumn));
        requireEvery(documents, TextFolderSource.TEXT_COL, uri, "text", settings.textColumn());
        if (columns.contains(labelColumn)) {
            documents = documents.withColumn(TextFolderSource.LABEL_COL,
                    trim(col(labelColumn).cast(DataTypes.StringType)));
            requireEvery(documents, TextFolderSource.LABEL_COL, uri, "label", settings.textLabel());
        }
        if (documents.isEmpty()) {
            throw new DataSourceException(uri + " holds no documents: expected a CSV with a header and one row per"
                    + " document in column '" + textColumn + "'");
        }
        return partitions > 0 ? documents.repartition(partitions) : documents;
    }

    /** Whether the rows read from {@code uri} carry a class, i.e. the table has the label column. */
    public static boolean labelled(Dataset<Row> documents) {
        return Arrays.asList(documents.columns()).contains(TextFolderSource.LABEL_COL);
    }

    /** A row without a document or class is named by count and file rather than trained on as empty. */
    private static void requireEvery(Dataset<Row> documents, String column, String uri, String what, String key) {
        Dataset<Row> missing = documents.filter(col(column).isNull());
        Optional<Row> example = missing.select(TextFolderSource.PATH_COL).limit(1).collectAsList().stream().findFirst();
        if (example.isPresent()) {
            throw new DataSourceException(uri + ": " + missing.count() + " row(s) have no " + what + " in the column"
                    + " named by " + key + ", e.g. in " + example.get().getString(0) + "; fill them in or remove those"
                    + " rows");
        }
    }
}
