package io.sparktrain.pipeline.settings;

/**
 * The words a message uses for a setting when it advises the user to change one. The library is
 * used both from Spark ML code and behind the trainer's CLI, and each user should be told about the
 * settings they wrote: {@link #LIBRARY} names this library's own API, and the CLI passes the keys of
 * its config file instead.
 *
 * @param badRows    what is done with rows that fail the check
 * @param nullValues the cell texts that mean "missing"
 * @param delimiter  the CSV field separator
 * @param multiLine  whether a JSON file is one array rather than one object per line
 * @param header     whether a CSV's first line names the columns
 * @param schema     the declared columns and types
 * @param features   the numeric feature columns
 * @param label      the label column
 * @param classes    the class names of a classifier (none for a regression)
 * @param inputs     where the tables are read from
 * @param textColumn the column of a CSV that holds the documents
 * @param textLabel  the column of a CSV that holds the documents' classes
 */
public record SettingNames(String badRows, String nullValues, String delimiter, String multiLine, String header,
        String schema, String features, String label, String classes, String inputs, String textColumn,
        String textLabel) {
    /** For code that calls the library directly: the parameters and record fields it sets. */
    public static final SettingNames LIBRARY = new SettingNames("CheckSpec.policy", "TableOptions.nullValues",
            "TableOptions.delimiter", "TableOptions.multiLine", "TableOptions.header", "TableOptions.schema",
            "CheckSpec.features", "the label column", "the class list", "the table URI",
            "TextColumnSource's textColumn", "TextColumnSource's labelColumn");
}
