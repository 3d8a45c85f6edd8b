package io.sparktrain.trainer.doctor;

/** Spark 3.5 and DL4J 1.0.0-M2 run on Java 17; newer Javas fail inside Hadoop ("getSubject is not supported"). */
final class JavaVersionCheck implements Check {
    static final int REQUIRED = 17;

    private final Runtime.Version version;
    private final String vendor;

    JavaVersionCheck(Runtime.Version version, String vendor) {
        this.version = version;
        this.vendor = vendor;
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public boolean sparkNeedsIt() {
        return true;
    }

    @Override
    public CheckResult run() {
        String found = "Java " + version + " (" + vendor + ")";
        if (version.feature() == REQUIRED) {
            return CheckResult.ok(found);
        }
        return CheckResult.fail(found + " runs this JVM, but Spark 3.5 with Hadoop 3.3 needs Java " + REQUIRED
                        + " (on newer Javas it fails with 'getSubject is not supported')",
                "run with a Java " + REQUIRED + ": set JAVA_HOME to one (scripts/sparktrain looks for it in /usr/lib/jvm)");
    }
}
