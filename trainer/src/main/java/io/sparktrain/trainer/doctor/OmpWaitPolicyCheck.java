package io.sparktrain.trainer.doctor;

import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * ND4J's idle OpenMP threads spin on the cores unless {@code OMP_WAIT_POLICY=PASSIVE}; on small
 * machines that alone makes training about 3x slower. Local executors inherit the driver's
 * environment; cluster executors get it from {@code spark.executorEnv.OMP_WAIT_POLICY}.
 */
final class OmpWaitPolicyCheck implements Check {
    static final String VARIABLE = "OMP_WAIT_POLICY";

    private final SparkConf conf;
    private final Map<String, String> environment;

    /** @param environment this JVM's environment ({@link System#getenv()}) */
    OmpWaitPolicyCheck(SparkConf conf, Map<String, String> environment) {
        this.conf = conf;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return "omp wait policy";
    }

    @Override
    public CheckResult run() {
        boolean local = SparkMaster.isLocal(conf);
        String value = local ? environment.get(VARIABLE) : conf.get("spark.executorEnv." + VARIABLE, null);
        String where = local ? " in this JVM's environment (local mode: the executors run here)"
                : " for the executors (spark.executorEnv." + VARIABLE + ")";
        if ("PASSIVE".equalsIgnoreCase(value)) {
            return CheckResult.ok(VARIABLE + " is PASSIVE" + where);
        }
        return CheckResult.warn(VARIABLE + " is " + (value == null ? "not set" : "'" + value + "'") + where
                        + ": idle OpenMP threads spin on the cores, training up to 3x slower",
                local ? "export " + VARIABLE + "=PASSIVE before starting the JVM (scripts/sparktrain does)"
                        : "set spark.conf.\"spark.executorEnv." + VARIABLE + "\" = PASSIVE");
    }
}
