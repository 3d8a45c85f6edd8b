package io.sparktrain.pipeline.testing;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the session a {@link LocalSpark} test class runs on, so that a module can give its tests
 * its own settings (the trainer's need Kryo with ND4J's registrator). Implementations need a
 * constructor without arguments; {@link LocalSparkExtension} creates one per test class.
 */
public interface SparkSessionFactory {
    /** A new local session with {@code threads} worker threads; the caller stops it. */
    SparkSession start(int threads);
}
