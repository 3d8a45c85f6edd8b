package io.sparktrain.trainer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped MNIST job, pointed at the real MNIST files and at a test's own folder, plus assertions on a report. */
final class DoctorFixtures {
    private DoctorFixtures() {
    }

    /** conf/mnist-mlp.conf reading the real MNIST files (headers only) and writing under {@code dir}. */
    static TrainJobConfig config(Path dir, String... overrides) {
        List<String> all = new ArrayList<>(List.of(
                "data.fetch=\"\"",
                "data.root=\"" + TestData.dataRoot().getAbsolutePath() + "\"",
                "output.bundle=\"" + dir.resolve("bundle") + "\"",
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\""));
        all.addAll(List.of(overrides));
        return TrainJobConfigLoader.load(new File(TestData.projectDir(), "conf/mnist-mlp.conf"), all);
    }

    /**
     * Asserts the named row's status, that its message and fix contain the given texts, and that
     * the rendered table shows the row and its fix.
     */
    static CheckResult assertRow(DoctorReport report, String check, Status status, String inMessage, String inFix) {
        CheckResult result = report.row(check).result();
        String table = ReportTable.render(report);
        assertEquals(status, result.status(), check + " in\n" + table);
        assertTrue(result.message().contains(inMessage), "message of " + check + " lacks '" + inMessage + "':\n" + table);
        assertTrue(result.fix().contains(inFix), "fix of " + check + " lacks '" + inFix + "':\n" + table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith(status + " ") && line.contains(check)
                && line.contains(inMessage)), "no " + status + " line for " + check + ":\n" + table);
        if (!inFix.isEmpty()) {
            assertTrue(table.lines().anyMatch(line -> line.trim().startsWith("fix: ") && line.contains(inFix)),
                    "no fix line with '" + inFix + "':\n" + table);
        }
        return result;
    }
}
