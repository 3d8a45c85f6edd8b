package io.sparktrain.trainer.job;

import io.sparktrain.config.SparkSection;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.trainer.engine.StatsClock;
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
            "spark.ui.showConsoleProgress", "false");

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
        if (config.train().strategy().equals("sharing")) {
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
        return conf;
    }

    /** Appends JVM options for every executor to what the user configured, rather than replacing it. */
    public static void addExecutorJavaOptions(SparkConf conf, String options) {
        String key = "spark.executor.extraJavaOptions";
        String existing = conf.get(key, "").trim();
        conf.set(key, existing.isEmpty() ? options : existing + " " + options);
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
