package io.sparktrain.trainer.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs checks one after the other and collects every result, so a user sees all problems at
 * once. A check that throws is reported as a FAIL rather than ending the run.
 */
public final class Doctor {
    private final List<Check> checks;

    public Doctor(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    public DoctorReport run() {
        long start = System.nanoTime();
        List<DoctorReport.Row> rows = new ArrayList<>();
        String sparkBlockedBy = null;
        for (Check check : checks) {
            CheckResult result;
            if (check.usesSpark() && sparkBlockedBy != null) {
                result = CheckResult.skip("not run: Spark cannot start in this JVM",
                        "fix the FAIL of '" + sparkBlockedBy + "' first");
            } else {
                result = runSafely(check);
            }
            if (check.sparkNeedsIt() && result.status() == Status.FAIL && sparkBlockedBy == null) {
                sparkBlockedBy = check.name();
            }
            rows.add(new DoctorReport.Row(check.name(), result));
        }
        return new DoctorReport(rows, (System.nanoTime() - start) / 1_000_000);
    }

    private static CheckResult runSafely(Check check) {
        try {
            return check.run();
        } catch (Exception e) {
            // Exception, not RuntimeException: Spark's Scala code throws checked exceptions undeclared.
            return CheckResult.fail("the check itself failed: " + e,
                    "fix what the error names; if it looks like a sparktrain bug, report it with this output");
        }
    }
}
