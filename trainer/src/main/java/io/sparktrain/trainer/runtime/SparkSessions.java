package io.sparktrain.trainer.runtime;

import io.sparktrain.config.SparkSection;
import io.sparktrain.config.Strategy;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.trainer.engine.NativeBuildPlugin;
import io.sparktrain.trainer.engine.SharingSupport;
import io.sparktrain.trainer.engine.StatsClock;
import java.io.File;
import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession of a job with the settings DL4J on Spark needs (Kryo with the ND4J
 * registrator, a Kryo buffer big enough for network parameters), then the user's own properties.
 */
public final class SparkSessions {
    /** Settings every sparktrain job needs; the user's {@code spark.conf} may still override them. */
    static final Map<String, String> REQUIRED = Map.of(
            "spark.serializer", "org.apache.spark.serializer.KryoSerializer",
            "spark.kryo.registrator", "org.nd4j.kryo.Nd4jRegistrator",
            "spark.kryoserializer.buffer.max", "512m",
            // Progress bars would interleave with sparktrain's own per-epoch lines.
            "spark.ui.showConsoleProgress", "false",
            // ND4J's idle OpenMP threads spin on the cores otherwise, up to 3x slower (STACK.md).
            "spark.executorEnv.OMP_WAIT_POLICY", "PASSIVE",
            // ND4J keeps parameters, updater state and activations off-heap: Spark's default overhead
            // (384 MiB) leaves the JVM's own native memory nothing. sparktrain doctor says when 1g is not enough.
            "spark.executor.memoryOverhead", "1g");

    /**
     * System property with the path of the uber jar ({@code sparktrain-trainer-*-all.jar}) that
     * {@code scripts/sparktrain} sets, so that a driver started outside spark-submit can ship the
     * job's classes (and DL4J) to a cluster's executors.
     */
    public static final String APP_JAR_PROPERTY = "sparktrain.app.jar";

    private SparkSessions() {
    }

    /**
     * The master to use: {@code --master} first, then one set by spark-submit, then the config's.
     */
    public static String master(String cliMaster, SparkSection spark) {
        if (cliMaster != null && !cliMaster.isBlank()) {
            return cliMaster;
        }
        String submitted = System.getProperty("spark.master");
        return submitted != null ? submitted : spark.master();
    }

    /**
     * The SparkConf a train job runs with: the required settings, the user's {@code spark.conf}, and
     * what the strategy needs on every executor. {@code sparktrain doctor} checks this same, final conf.
     */
    public static SparkConf forTrainJob(TrainJobConfig config, String cliMaster) {
        SparkConf conf = sparkConf(config.job().name(), master(cliMaster, config.spark()), config.spark());
        if (config.train().strategy() == Strategy.SHARING) {
            addExecutorJavaOptions(conf, SharingSupport.executorJavaOptions());
        }
        if (config.train().collectStats()) {
            addExecutorJavaOptions(conf, StatsClock.javaOption());
        }
        return conf;
    }

    public static SparkConf sparkConf(String appName, String master, SparkSection spark) {
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(master);
        REQUIRED.forEach(conf::set);
        spark.conf().forEach(conf::set);
        addPlugin(conf, NativeBuildPlugin.class.getName());
        shipAppJar(conf, System.getProperty(APP_JAR_PROPERTY));
        return conf;
    }

    /** Adds a plugin to {@code spark.plugins}, keeping the user's own. */
    static void addPlugin(SparkConf conf, String plugin) {
        String key = "spark.plugins";
        String existing = conf.get(key, "").trim();
        if (!Arrays.asList(existing.split("\\s*,\\s*")).contains(plugin)) {
            conf.set(key, existing.isEmpty() ? plugin : existing + "," + plugin);
        }
    }

    /** Appends JVM options for every executor to what the user configured, rather than replacing it. */
    public static void addExecutorJavaOptions(SparkConf conf, String options) {
        String key = "spark.executor.extraJavaOptions";
        String existing = conf.get(key, "").trim();
        conf.set(key, existing.isEmpty() ? options : existing + " " + options);
    }

    /**
     * Adds the app jar to {@code spark.jars} when executors run in JVMs of their own and nobody
     * has said which jars they get: executors on a cluster do not have the driver's class path.
     * Left alone: local masters (tasks run in the driver's JVM), spark-submit (it sets
     * {@code spark.jars} to the submitted jar) and a {@code spark.jars} the user set.
     *
     * @param appJar the uber jar's path, or null when not started by {@code scripts/sparktrain}
     */
    static void shipAppJar(SparkConf conf, String appJar) {
        if (appJar == null || runsTasksInDriver(conf.get("spark.master")) || conf.contains("spark.jars")) {
            return;
        }
        if (!new File(appJar).isFile()) {
            throw new IllegalStateException("the app jar " + appJar + " (system property " + APP_JAR_PROPERTY
                    + ") does not exist, so the executors could not load the job; build it with mvn -B package"
                    + " -DskipTests (scripts/sparktrain does this when it is missing)");
        }
        conf.set("spark.jars", appJar);
    }

    /**
     * {@code local} and {@code local[N]} run tasks in the driver's JVM; every other master
     * (local-cluster too) runs them in executor JVMs.
     */
    static boolean runsTasksInDriver(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    public static SparkSession start(SparkConf conf) {
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * The Hadoop configuration the job will have, built before Spark starts so inputs and outputs
     * can be checked early: {@code spark.hadoop.*} properties become Hadoop properties, as in Spark.
     */
    public static Configuration hadoopConf(SparkConf conf) {
        Configuration hadoop = new Configuration();
        for (scala.Tuple2<String, String> entry : conf.getAll()) {
            if (entry._1().startsWith("spark.hadoop.")) {
                hadoop.set(entry._1().substring("spark.hadoop.".length()), entry._2());
            }
        }
        return hadoop;
    }
}
