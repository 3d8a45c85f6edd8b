package io.sparktrain.trainer.engine;

import org.deeplearning4j.spark.time.SystemClockTimeSource;
import org.deeplearning4j.spark.time.TimeSourceProvider;

/**
 * The clock dl4j-spark's training statistics use. Its default asks an NTP server on the internet
 * and fails where there is none (clusters behind firewalls, this project's CI); the system clock
 * is what the operating system already keeps in sync.
 */
public final class StatsClock {
    @SuppressWarnings("deprecation")
    static final String PROPERTY = TimeSourceProvider.TIMESOURCE_CLASSNAME_PROPERTY;

    private StatsClock() {
    }

    /** The setting as a JVM option for the executors. */
    public static String javaOption() {
        return "-D" + PROPERTY + "=" + SystemClockTimeSource.class.getName();
    }

    /** Sets the clock in this JVM (the driver, and the executors in local mode) unless the user chose one. */
    public static void applyToThisJvm() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, SystemClockTimeSource.class.getName());
        }
    }
}
