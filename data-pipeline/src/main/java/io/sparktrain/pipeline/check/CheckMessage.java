package io.sparktrain.pipeline.check;

import io.sparktrain.pipeline.settings.SettingNames;
import java.util.List;
import java.util.Map;

/**
 * The words of the check: one line per problem, naming the column, how many, one example (the
 * value, its row and file) and the fix; and the one message that lists them all, so a user fixes
 * everything in one round instead of meeting the problems one run at a time.
 */
final class CheckMessage {
    /** Longest value quoted (a malformed record can be a long line). */
    private static final int MAX_VALUE = 120;

    private CheckMessage() {
    }

    static String problem(ProblemCount p, List<String> classes, SettingNames settings) {
        String subject = p.column() == null ? "" : (p.label() ? "label column '" : "column '") + p.column() + "': ";
        String what = p.kind().counted(p.count()) + (p.kind() == ProblemKind.UNKNOWN_LABEL ? " " + classes : "");
        ProblemCount.Example e = p.example();
        String value = e.value() == null ? "" : "'" + shorten(e.value()) + "' in ";
        return subject + what + ", e.g. " + value + "row " + e.row() + " of " + e.file() + "; " + p.kind().fix(settings);
    }

    static String noRows(String uri) {
        return uri + " holds no data rows (only a header, or nothing Spark reads as a row); check the path in the"
                + " config and the file";
    }

    static String allMissing(String column, long rows, SettingNames settings) {
        return String.format("column '%s' is missing in all %,d rows, so nothing can be learned from it or filled in"
                + " for it; fill it in, or leave it out of %s", column, rows, settings.features());
    }

    static String oneClass(String label, Map<String, Long> classCounts, SettingNames settings) {
        Map.Entry<String, Long> only = classCounts.entrySet().stream().filter(c -> c.getValue() > 0).findFirst()
                .orElseThrow();
        return String.format("label column '%s' holds one class only ('%s' in all %,d rows; %s names %s): a classifier"
                + " needs examples of at least two classes; check the training data and %s", label, only.getKey(),
                only.getValue(), settings.classes(), classCounts.keySet(), settings.label());
    }

    static String noneKept(long rows, BadRowPolicy policy, SettingNames settings) {
        return String.format("none of the %,d rows can be used (%s = %s left them all out)", rows, settings.badRows(),
                policy.configName());
    }

    /** The one message for everything found; under policy error with bad rows, with the policies that let a job go on. */
    static String failure(String uri, BadRowPolicy policy, long rows, long badRows, List<String> problems,
            SettingNames settings) {
        String header = "data check of " + uri + " failed with " + problems.size() + " problem(s)";
        if (badRows > 0) {
            header += String.format(" (%,d of %,d rows are bad; %s = %s)", badRows, rows, settings.badRows(),
                    policy.configName());
        }
        String body = header + ":\n  - " + String.join("\n  - ", problems);
        if (policy == BadRowPolicy.ERROR && badRows > 0) {
            body += "\nTo go on without fixing the file(s): set " + settings.badRows() + " = skip to leave such rows out"
                    + " (they are written with the reason to the rejects folder), or " + settings.badRows()
                    + " = keep to treat bad feature values as missing";
        }
        return body;
    }

    private static String shorten(String value) {
        return value.length() > MAX_VALUE ? value.substring(0, MAX_VALUE) + "..." : value;
    }
}
