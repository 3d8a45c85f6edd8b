package io.sparktrain.pipeline.table;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's columns declared by the user in Spark DDL ({@code "id INT, age DOUBLE, home STRING"})
 * instead of taken from the files: the names of a headerless CSV's fields, the types the check holds
 * every cell to, and for JSON no inference pass over the data. CSV and JSON cells are read as text
 * and typed by the check, so a cell that does not fit its declared type is counted and reported with
 * its file and row like any other bad value, never silently made null by a cast.
 */
public final class DeclaredSchema {
    private DeclaredSchema() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the DDL text or its column names */
    public static StructType parse(String ddl) {
        StructType schema;
        try {
            schema = StructType.fromDDL(ddl);
        } catch (Exception e) {
            // Spark's ParseException is checked in Java's eyes but undeclared by the Scala method.
            throw new IllegalArgumentException("is not a Spark DDL schema (" + TableReader.rootMessage(e).lines()
                    .findFirst().orElse("") + "); write it as \"id INT, age DOUBLE, home STRING, status STRING\"", e);
        }
        Set<String> seen = new HashSet<>();
        List<String> twice = Arrays.stream(schema.fieldNames()).filter(name -> !seen.add(name)).toList();
        if (!twice.isEmpty()) {
            throw new IllegalArgumentException("declares " + twice + " more than once; name each column once");
        }
        if (schema.fields().length == 0) {
            throw new IllegalArgumentException("declares no columns; name them, or leave the schema empty to take the"
                    + " files' own columns");
        }
        return schema;
    }

    /**
     * What the declared types say against the roles the config gives the columns: every named
     * column declared, features numeric, categorical columns strings, a regression label numeric.
     */
    public static List<String> roleProblems(StructType schema, List<String> features, List<String> categorical,
            String label, boolean regression) {
        return roleProblems(schema, features, categorical, label, regression, SettingNames.LIBRARY);
    }

    /** As {@link #roleProblems(StructType, List, List, String, boolean)}, with problems that name {@code settings}. */
    public static List<String> roleProblems(StructType schema, List<String> features, List<String> categorical,
            String label, boolean regression, SettingNames settings) {
        List<String> problems = new ArrayList<>();
        List<String> declared = List.of(schema.fieldNames());
        List<String> named = new ArrayList<>(features);
        named.addAll(categorical);
        named.add(label);
        List<String> undeclared = named.stream().filter(c -> !declared.contains(c)).toList();
        if (!undeclared.isEmpty()) {
            problems.add("does not declare " + undeclared + ", which the config names; declared are " + declared);
        }
        for (StructField field : schema.fields()) {
            String name = field.name();
            DataType type = field.dataType();
            if (features.contains(name) && !numeric(type)) {
                problems.add(typeProblem(field, "a numeric feature", "DOUBLE"));
            } else if (categorical.contains(name) && !type.equals(DataTypes.StringType)) {
                problems.add(typeProblem(field, "a categorical column", "STRING"));
            } else if (name.equals(label) && regression && !numeric(type)) {
                problems.add(typeProblem(field, "the label of a regression (" + settings.classes() + " is empty)", "DOUBLE"));
            }
        }
        return problems;
    }

    public static boolean numeric(DataType type) {
        return type instanceof NumericType;
    }

    /** The same column names, all typed as text, for the CSV and JSON readers: the check types the cells. */
    public static StructType asText(StructType schema) {
        return new StructType(Arrays.stream(schema.fields())
                .map(f -> new StructField(f.name(), DataTypes.StringType, true, f.metadata())).toArray(StructField[]::new));
    }

    /** A CSV header must name every declared column. */
    static void requireNamed(StructType schema, StructType header, String uri, SettingNames settings) {
        List<String> names = List.of(header.fieldNames());
        List<String> absent = Arrays.stream(schema.fieldNames()).filter(c -> !names.contains(c)).toList();
        if (!absent.isEmpty()) {
            throw new DataSourceException(uri + ": the header has no column(s) " + absent + " that " + settings.schema()
                    + " declares; its columns are " + names + ". Fix the header, or the schema (with " + settings.header()
                    + " = false the schema names the fields in order)");
        }
    }

    /** A Parquet file stores its own types: every declared column must be there with the declared type. */
    static void requireStored(StructType schema, StructType stored, String uri, SettingNames settings) {
        List<String> problems = new ArrayList<>();
        List<String> names = List.of(stored.fieldNames());
        for (StructField field : schema.fields()) {
            if (!names.contains(field.name())) {
                problems.add("no column '" + field.name() + "'");
            } else if (!stored.apply(field.name()).dataType().equals(field.dataType())) {
                problems.add("column '" + field.name() + "' is " + stored.apply(field.name()).dataType().sql()
                        + ", declared " + field.dataType().sql());
            }
        }
        if (!problems.isEmpty()) {
            throw new DataSourceException(uri + " does not match " + settings.schema() + ": " + String.join("; ", problems)
                    + ". Its columns are " + stored.toDDL() + "; fix the schema or the files");
        }
    }

    private static String typeProblem(StructField field, String role, String fit) {
        return "declares '" + field.name() + "' as " + field.dataType().sql() + ", but it is " + role
                + "; declare it " + fit;
    }
}
