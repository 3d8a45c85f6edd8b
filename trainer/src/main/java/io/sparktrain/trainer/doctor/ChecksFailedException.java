package io.sparktrain.trainer.doctor;

/** A train job refused to start because a check failed; the message is the whole table. */
public class ChecksFailedException extends RuntimeException {
    public ChecksFailedException(DoctorReport report) {
        super("training not started: " + report.count(Status.FAIL) + " check(s) failed\n" + ReportTable.render(report)
                + "fix the FAIL lines above, or pass --skip-checks to train anyway");
    }
}
