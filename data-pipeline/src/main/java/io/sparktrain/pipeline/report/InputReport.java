package io.sparktrain.pipeline.report;

import io.sparktrain.pipeline.check.CheckedTable;
import io.sparktrain.pipeline.check.ProblemCount;
import java.util.List;

/**
 * What the check did with one input table.
 *
 * @param split         train or test
 * @param uri           the table
 * @param badRows       the policy: error, skip or keep
 * @param rowsRead      rows read; {@code rowsKept + rowsRejected}
 * @param rowsKept      rows used
 * @param rowsRejected  rows left out (written to {@code rejects})
 * @param keptWithNulls kept rows whose bad feature values were made missing (policy keep)
 * @param problems      every problem found, per column and kind, with an example
 * @param rejects       where the rejected rows were written; null when there were none
 */
public record InputReport(String split, String uri, String badRows, long rowsRead, long rowsKept, long rowsRejected,
        long keptWithNulls, List<ProblemCount> problems, String rejects) {
    public InputReport {
        problems = List.copyOf(problems);
    }

    public static InputReport of(String split, CheckedTable table, String rejects) {
        return new InputReport(split, table.uri(), table.policy().configName(), table.rowsRead(), table.rowsKept(),
                table.rowsRejected(), table.keptWithNulls(), table.problems(), table.rowsRejected() > 0 ? rejects : null);
    }
}
