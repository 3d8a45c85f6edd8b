package io.sparktrain.pipeline.table;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a table from any Hadoop URI with Spark's own readers, on the executors. CSV columns are
 * read as text and typed by the check ({@code io.sparktrain.pipeline.check.TableCheck}), so a cell
 * that is not a number is reported with its column and value instead of silently becoming null.
 * CSV and JSON are read PERMISSIVE: a record Spark cannot parse (a CSV row with the wrong number of
 * fields, a broken JSON line) arrives with its text in {@link #CORRUPT_RECORD} for the check to
 * count and report, rather than failing the whole read at the first one.
 */
public final class TableReader {
    /** The column that holds the text of a record Spark could not parse; null for a good record. */
    public static final String CORRUPT_RECORD = "_corrupt_record";

    private final SparkSession spark;
    private final SettingNames settings;

    /** A reader whose messages name the library's settings ({@link TableOptions}). */
    public TableReader(SparkSession spark) {
        this(spark, SettingNames.LIBRARY);
    }

    /** @param settings how messages name the settings that fix a problem: the CLI passes its config keys */
    public TableReader(SparkSession spark, SettingNames settings) {
        this.spark = spark;
        this.settings = settings;
    }

    /** @throws DataSourceException naming the URI when it does not exist, holds no data files or cannot be read */
    public Dataset<Row> read(String uri, TableOptions options) {
        new InputFiles(spark.sparkContext().hadoopConfiguration(), settings).requireData(uri);
        Dataset<Row> rows;
        try {
            rows = switch (options.format()) {
                case "csv" -> csv(uri, options);
                case "json" -> json(uri, options);
                case "libsvm" -> LibSvmColumns.asTable(spark.read().format("libsvm")
                        .option("numFeatures", options.numFeatures()).load(uri), options.numFeatures());
                default -> parquet(uri, options);
            };
        } catch (DataSourceException e) {
            throw e;
        } catch (Exception e) {
            // Spark throws its checked SparkException from Scala code, so catch everything here.
            throw new DataSourceException("cannot read " + options.format() + " table " + uri + ": " + rootMessage(e), e);
        }
        return options.format().equals("csv") ? withNulls(rows, options) : rows;
    }

    /**
     * Text columns named by the header (or, for a headerless file with a declared schema, by the
     * schema), plus {@link #CORRUPT_RECORD}, which Spark fills only when given in the schema.
     */
    private Dataset<Row> csv(String uri, TableOptions options) {
        StructType header = options.schema().filter(declared -> !options.header()).map(DeclaredSchema::asText)
                .orElseGet(() -> csvReader(options).csv(uri).schema());
        options.schema().ifPresent(declared -> DeclaredSchema.requireNamed(declared, header, uri, settings));
        // enforceSchema = false: every file's header must name the same columns, or the read fails naming the file.
        return csvReader(options).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT_RECORD)
                .option("enforceSchema", !options.header()).schema(header.add(CORRUPT_RECORD, DataTypes.StringType, true))
                .csv(uri);
    }

    private DataFrameReader csvReader(TableOptions options) {
        return spark.read().option("header", options.header()).option("sep", options.delimiter())
                .option("inferSchema", false);
    }

    /** With a declared schema the fields are read as text (Spark writes a number's JSON text) and no pass infers types. */
    private Dataset<Row> json(String uri, TableOptions options) {
        DataFrameReader reader = spark.read().option("multiLine", options.multiLine()).option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT_RECORD);
        if (options.schema().isPresent()) {
            reader = reader.schema(DeclaredSchema.asText(options.schema().get()).add(CORRUPT_RECORD, DataTypes.StringType, true));
        }
        Dataset<Row> rows = reader.json(uri);
        if (List.of(rows.columns()).equals(List.of(CORRUPT_RECORD))) {
            throw new DataSourceException("cannot read json table " + uri + ": no line is a JSON object"
                    + (options.multiLine() ? "" : " (read as JSON lines, one object per line; if the file holds one"
                    + " JSON array, set " + settings.multiLine() + " = true)"));
        }
        return rows;
    }

    private Dataset<Row> parquet(String uri, TableOptions options) {
        Dataset<Row> rows = spark.read().parquet(uri);
        options.schema().ifPresent(declared -> DeclaredSchema.requireStored(declared, rows.schema(), uri, settings));
        return rows;
    }

    /** The message of the exception at the bottom of a chain: Spark wraps the one that says what is wrong. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Empty cells and the configured null texts become nulls. */
    private static Dataset<Row> withNulls(Dataset<Row> rows, TableOptions options) {
        Column[] columns = Arrays.stream(rows.columns()).map(name -> {
            if (name.equals(CORRUPT_RECORD)) {
                return col(name);
            }
            Column trimmed = org.apache.spark.sql.functions.trim(col(name));
            Column missing = trimmed.equalTo("");
            for (String token : options.nullValues()) {
                missing = missing.or(trimmed.equalTo(token));
            }
            return when(missing, null).otherwise(col(name)).cast(DataTypes.StringType).as(name);
        }).toArray(Column[]::new);
        return rows.select(columns);
    }
}
