package io.sparktrain.pipeline.check;

/**
 * What can be wrong with one row, with the words a message uses for it and the fix it suggests.
 * A feature value that is bad can be made missing (policy keep); a row whose label or whole
 * record is bad cannot be trained on at all.
 */
public enum ProblemKind {
    MALFORMED_ROW("malformed row", "malformed rows", "malformed row (wrong number of fields or broken quoting)",
            "csv: check the quoting and " + CheckKeys.DELIMITER + "; json: one object per line, or set "
                    + CheckKeys.MULTI_LINE + " = true for a file that is one JSON array", false),
    NOT_A_NUMBER("value that is not a number", "values that are not numbers", "not a number",
            "fix the value, or list the text in " + CheckKeys.NULL_VALUES + " if it means \"missing\"", true),
    NOT_FINITE("value that is NaN or infinite", "values that are NaN or infinite", "NaN or infinite",
            "replace them by numbers, or leave the cells empty for the pipeline to impute", true),
    MISSING_LABEL("row without a label", "rows without a label", "no label",
            "a row without a label cannot be trained on: fill it in or leave the row out", false),
    UNKNOWN_LABEL("label that is not one of the classes", "labels that are not one of the classes", "unknown class",
            "add the class to " + CheckKeys.LABELS + " or fix the value", false),
    NOT_DECLARED_TYPE("value that does not fit the declared type", "values that do not fit the declared type",
            "not of the declared type", "fix the value, or declare the column's type in " + CheckKeys.SCHEMA
                    + " to fit it", false);

    private final String one;
    private final String many;
    private final String brief;
    private final String fix;
    private final boolean featureProblem;

    ProblemKind(String one, String many, String brief, String fix, boolean featureProblem) {
        this.one = one;
        this.many = many;
        this.brief = brief;
        this.fix = fix;
        this.featureProblem = featureProblem;
    }

    /** "3 values that are not numbers", "1 row without a label". */
    public String counted(long n) {
        return String.format("%,d %s", n, n == 1 ? one : many);
    }

    /** A few words for a rejects file's {@code reject_reason} column. */
    public String brief() {
        return brief;
    }

    public String fix() {
        return fix;
    }

    /** Whether, in a feature column, policy keep can treat the value as missing. */
    boolean keepable() {
        return featureProblem;
    }
}
