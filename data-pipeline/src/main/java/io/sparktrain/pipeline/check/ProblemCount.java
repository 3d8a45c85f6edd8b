package io.sparktrain.pipeline.check;

/**
 * How many rows have one kind of problem in one column, with the first one as an example.
 *
 * @param column  the column, or null for a malformed record
 * @param label   whether the column is the label
 * @param kind    what is wrong
 * @param count   how many rows
 * @param example the first such row (by file, then row number)
 */
public record ProblemCount(String column, boolean label, ProblemKind kind, long count, Example example) {
    /**
     * One bad row.
     *
     * @param file  the file it is in
     * @param row   its row number in the file (1 = first data row)
     * @param value the bad value as written (the whole record for a malformed one; null for a missing label)
     */
    public record Example(String file, long row, String value) {}
}
