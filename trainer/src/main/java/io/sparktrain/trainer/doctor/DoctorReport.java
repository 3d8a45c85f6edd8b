package io.sparktrain.trainer.doctor;

import java.util.List;

/**
 * The results of every check, in the order they ran.
 *
 * @param millis wall time of all checks together
 */
public record DoctorReport(List<Row> rows, long millis) {
    /** One check's result under the check's name. */
    public record Row(String check, CheckResult result) {}

    public DoctorReport {
        rows = List.copyOf(rows);
    }

    public boolean failed() {
        return count(Status.FAIL) > 0;
    }

    public long count(Status status) {
        return rows.stream().filter(row -> row.result().status() == status).count();
    }

    /** The row of the named check; the tests and the train job look rows up by name. */
    public Row row(String check) {
        return rows.stream().filter(row -> row.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check named '" + check + "' in " + rows));
    }

    /** E.g. {@code 18 checks in 6.1 s: 17 OK, 1 WARN, 0 FAIL}. */
    public String summary() {
        long skipped = count(Status.SKIP);
        return String.format("%d checks in %.1f s: %d OK, %d WARN, %d FAIL%s", rows.size(), millis / 1000.0,
                count(Status.OK), count(Status.WARN), count(Status.FAIL), skipped > 0 ? ", " + skipped + " SKIP" : "");
    }
}
