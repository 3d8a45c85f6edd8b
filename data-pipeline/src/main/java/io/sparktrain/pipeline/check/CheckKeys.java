package io.sparktrain.pipeline.check;

/** The config keys that check messages name as the fix, in one place so messages and config cannot drift apart. */
public final class CheckKeys {
    public static final String BAD_ROWS = "data.table.bad-rows";
    public static final String NULL_VALUES = "data.table.null-values";
    public static final String DELIMITER = "data.table.delimiter";
    public static final String MULTI_LINE = "data.table.multi-line";
    public static final String FEATURES = "data.table.features";
    public static final String LABEL = "data.table.label";
    public static final String LABELS = "data.labels";
    public static final String SCHEMA = "data.table.schema";

    private CheckKeys() {
    }
}
