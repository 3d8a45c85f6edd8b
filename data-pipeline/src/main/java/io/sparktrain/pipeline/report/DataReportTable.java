package io.sparktrain.pipeline.report;

import io.sparktrain.pipeline.check.ProblemCount;
import io.sparktrain.pipeline.settings.SettingNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The data report as a few console lines: counts per input, one row per column, the classes. */
public final class DataReportTable {
    private static final String ROW = "  %-24s %9s %9s %12s %12s %12s %12s";

    private DataReportTable() {
    }

    /** The lines, naming the library's settings. */
    public static List<String> lines(DataReport report) {
        return lines(report, SettingNames.LIBRARY);
    }

    /** @param settings how the lines name the settings: the CLI passes its config keys */
    public static List<String> lines(DataReport report, SettingNames settings) {
        List<String> lines = new ArrayList<>();
        for (InputReport input : report.inputs()) {
            lines.add(String.format("%s table %s: %,d rows read, %,d kept, %,d rejected%s (%s = %s)%s",
                    input.split(), input.uri(), input.rowsRead(), input.rowsKept(), input.rowsRejected(),
                    input.keptWithNulls() > 0 ? String.format(", %,d kept with bad values made missing",
                            input.keptWithNulls()) : "", settings.badRows(), input.badRows(),
                    input.rejects() == null ? "" : "; rejects in " + input.rejects()));
            for (ProblemCount p : input.problems()) {
                lines.add("  " + (p.column() == null ? "" : "column '" + p.column() + "': ") + p.kind().counted(p.count()));
            }
        }
        lines.add(String.format("training on %,d rows, testing on %,d rows %s", report.trainRows(), report.testRows(),
                report.testFrom()));
        lines.add(String.format(ROW, "column (training rows)", "missing", "after", "mean", "std", "min", "max"));
        for (ColumnReport c : report.columns()) {
            lines.add(String.format(ROW, c.name(), String.format("%,d", c.missingBefore()),
                    c.missingAfter() == null ? "-" : String.format("%,d", c.missingAfter()), number(c.mean()),
                    number(c.std()), number(c.min()), number(c.max())));
        }
        if (!report.trainClasses().isEmpty()) {
            lines.add("classes (training rows): " + counts(report.trainClasses()) + "; after resampling: "
                    + afterResampling(report) + "; test rows: " + counts(report.testClasses()));
        }
        return lines;
    }

    private static String afterResampling(DataReport report) {
        if (report.classesAfterResampling().isEmpty()) {
            return "counted when training starts";
        }
        return report.classesAfterResampling().equals(report.trainClasses()) ? "the same"
                : counts(report.classesAfterResampling());
    }

    private static String counts(Map<String, Long> classes) {
        return classes.entrySet().stream().map(e -> String.format("%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format("%.4g", value);
    }
}
