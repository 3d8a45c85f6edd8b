package io.sparktrain.pipeline.column;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Column names as Spark must be given them. Spark reads the name passed to {@code functions.col},
 * {@code Dataset.col}, {@code na().drop} or {@code stat().approxQuantile} as an attribute path, not
 * as a name: {@code a.b} is field {@code b} of a struct {@code a}, and a backtick inside a name is a
 * syntax error. Real exports are full of such headers ({@code x_0.25}, {@code price.usd}), so every
 * name the project hands to Spark goes through here: backticks around it, each backtick inside
 * doubled, which Spark reads back as exactly the name that was written.
 *
 * <p>Spark ML's own stages (VectorAssembler, Imputer, StringIndexer, OneHotEncoder) resolve their
 * input columns the same way and cannot be given a quoted name (they also look it up in the schema
 * as written); {@code io.sparktrain.pipeline.stage.ColumnCopier} gives them plain names instead.
 */
public final class Columns {
    private Columns() {
    }

    /** The name in backticks, any backtick in it doubled: {@code f`g} becomes {@code `f``g`}. */
    public static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** Each name quoted, for the Spark methods that take names as an array ({@code na().drop}, {@code approxQuantile}). */
    public static String[] quoted(List<String> names) {
        return names.stream().map(Columns::quoted).toArray(String[]::new);
    }

    /** The column of that exact name, whatever characters the name holds. */
    public static Column col(String name) {
        return functions.col(quoted(name));
    }
}
