package io.sparktrain.trainer.runtime;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A SparkSession started on first use and stopped on close: the checks before training decide
 * whether Spark can start in this JVM at all, and training then reuses the session they started.
 */
public final class LazySparkSession implements AutoCloseable {
    private final SparkConf conf;
    private SparkSession session;

    public LazySparkSession(SparkConf conf) {
        this.conf = conf;
    }

    public SparkSession session() {
        if (session == null) {
            session = SparkSessions.start(conf);
        }
        return session;
    }

    public JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session().sparkContext());
    }

    @Override
    public void close() {
        if (session != null) {
            session.stop();
        }
    }
}
