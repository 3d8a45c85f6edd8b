package io.sparktrain.pipeline.check;

import io.sparktrain.pipeline.settings.SettingNames;
/**
 * What can be wrong with one row, with the words a message uses for it and the fix it suggests.
 * A feature value that is bad can be made missing (policy keep); a row whose label or whole
 * record is bad cannot be trained on at all.
 */
public enum ProblemKind {
    MALFORMED_ROW("malformed row", "malformed rows", "malformed row (wrong number of fields or broken quoting)", false),
    NOT_A_NUMBER("value that is not a number", "values that are not numbers", "not a number", true),
    NOT_FINITE("value that is NaN or infinite", "values that are NaN or infinite", "NaN or infinite", true),
    MISSING_LABEL("row without a label", "rows without a label", "no label", false),
    UNKNOWN_LABEL("label that is not one of the classes", "labels that are not one of the classes", "unknown class",
            false),
    NOT_DECLARED_TYPE("value that does not fit the declared type", "values that do not fit the declared type",
            "not of the declared type", false);

    private final String one;
    private final String many;
    private final String brief;
    private final boolean featureProblem;

    ProblemKind(String one, String many, String brief, boolean featureProblem) {
        this.one = one;
        this.many = many;
        this.brief = brief;
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

    /** The fix, naming the settings as the caller's user knows them. */
    public String fix(SettingNames settings) {
        return switch (this) {
            case MALFORMED_ROW -> "csv: check the quoting and " + settings.delimiter() + "; json: one object per line,"
                    + " or set " + settings.multiLine() + " = true for a file that is one JSON array";
            case NOT_A_NUMBER -> "fix the value, or list the text in " + settings.nullValues()
                    + " if it means \"missing\"";
            case NOT_FINITE -> "replace them by numbers, or leave the cells empty for the pipeline to impute";
            case MISSING_LABEL -> "a row without a label cannot be trained on: fill it in or leave the row out";
            case UNKNOWN_LABEL -> "add the class to " + settings.classes() + " or fix the value";
            case NOT_DECLARED_TYPE -> "fix the value, or declare the column's type in " + settings.schema()
                    + " to fit it";
        };
    }

    /** Whether, in a feature column, policy keep can treat the value as missing. */
    boolean keepable() {
        return featureProblem;
    }
}
