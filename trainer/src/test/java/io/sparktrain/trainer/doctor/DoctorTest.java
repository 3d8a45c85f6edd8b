package io.sparktrain.trainer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The runner and the table, with stand-in checks. */
class DoctorTest {
    /** A check that reports a fixed result and remembers whether it ran. */
    private record Fixed(String name, CheckResult result, boolean sparkNeedsIt, boolean usesSpark, AtomicBoolean ran)
            implements Check {
        Fixed(String name, CheckResult result, boolean sparkNeedsIt, boolean usesSpark) {
            this(name, result, sparkNeedsIt, usesSpark, new AtomicBoolean());
        }

        @Override
        public CheckResult run() {
            ran.set(true);
            return result;
        }
    }

    @Test
    void checkThatSparkNeedsFailingSkipsTheChecksThatUseSpark() {
        Fixed probe = new Fixed("executors", CheckResult.ok("ran"), false, true);
        DoctorReport report = new Doctor(List.of(
                new Fixed("module opens", CheckResult.fail("lacks java.base/sun.nio.ch", "add the opens"), true, false),
                new Fixed("kryo serializer", CheckResult.ok("Kryo"), false, false),
                probe)).run();
        assertFalse(probe.ran().get(), "Spark cannot start in this JVM, so nothing may try");
        assertEquals(Status.SKIP, report.row("executors").result().status());
        assertEquals("fix the FAIL of 'module opens' first", report.row("executors").result().fix());
        assertTrue(report.failed());
        assertTrue(report.summary().endsWith("1 OK, 0 WARN, 1 FAIL, 1 SKIP"), report.summary());
    }

    @Test
    void checkThatThrowsBecomesAFailAndTheOthersStillRun() {
        Check broken = new Check() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public CheckResult run() {
                throw new IllegalStateException("boom");
            }
        };
        Fixed java = new Fixed("java", CheckResult.ok("Java 17"), true, false);
        DoctorReport report = new Doctor(List.of(broken, java)).run();
        assertEquals(Status.FAIL, report.row("broken").result().status());
        assertTrue(report.row("broken").result().message().contains("IllegalStateException: boom"));
        assertTrue(java.ran().get());
        assertEquals(Status.OK, report.row("java").result().status());
    }

    @Test
    void tableAlignsFindingsAndPutsEachFixUnderItsRow() {
        DoctorReport report = new DoctorReport(List.of(
                new DoctorReport.Row("java", CheckResult.ok("Java 17")),
                new DoctorReport.Row("omp wait policy", CheckResult.warn("OMP_WAIT_POLICY is not set", "export it"))),
                1234);
        assertEquals("""
                STATUS  CHECK            FINDING
                OK      java             Java 17
                WARN    omp wait policy  OMP_WAIT_POLICY is not set
                                         fix: export it
                2 checks in 1.2 s: 1 OK, 1 WARN, 0 FAIL
                """, ReportTable.render(report));
    }

    @Test
    void warnOrFailWithoutAFixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckResult.fail("bad", " "));
        assertTrue(e.getMessage().contains("needs a fix"), e.getMessage());
    }
}
