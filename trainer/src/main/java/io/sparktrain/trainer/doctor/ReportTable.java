package io.sparktrain.trainer.doctor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a report as a plain-text table: one row per check, and under every WARN, FAIL and
 * SKIP the fix, indented to the finding column so it reads as part of its row.
 */
public final class ReportTable {
    private static final String STATUS = "STATUS";
    private static final String CHECK = "CHECK";

    private ReportTable() {
    }

    /** The whole table with a header and the summary line, each line ending in a newline. */
    public static String render(DoctorReport report) {
        StringBuilder text = new StringBuilder();
        lines(report, EnumSet.allOf(Status.class), true).forEach(line -> text.append(line).append('\n'));
        return text.append(report.summary()).append('\n').toString();
    }

    /** The rows with the given statuses, without header, for the train job to print among its own lines. */
    public static List<String> lines(DoctorReport report, Set<Status> shown) {
        return lines(report, shown, false);
    }

    private static List<String> lines(DoctorReport report, Set<Status> shown, boolean header) {
        int width = report.rows().stream().mapToInt(row -> row.check().length()).max().orElse(0);
        width = Math.max(width, CHECK.length());
        String format = "%-" + STATUS.length() + "s  %-" + width + "s  %s";
        String indent = " ".repeat(STATUS.length() + 2 + width + 2);
        List<String> lines = new ArrayList<>();
        if (header) {
            lines.add(String.format(format, STATUS, CHECK, "FINDING"));
        }
        for (DoctorReport.Row row : report.rows()) {
            CheckResult result = row.result();
            if (!shown.contains(result.status())) {
                continue;
            }
            lines.add(String.format(format, result.status(), row.check(), result.message()));
            if (!result.fix().isBlank()) {
                lines.add(indent + "fix: " + result.fix());
            }
        }
        return lines;
    }
}
