package io.sparktrain.pipeline.testing;

import org.apache.spark.sql.SparkSession;

/**
 * A real local Spark for tests: N worker threads, no UI, Kryo as in production. The default
 * session of {@link LocalSpark} classes; {@link #local} is for tests that need a session of their own.
 */
public final class TestSpark implements SparkSessionFactory {
    public static SparkSession local(int threads) {
        return SparkSession.builder()
                .appName("sparktrain-test")
                .master("local[" + threads + "]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(threads))
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .getOrCreate();
    }

    @Override
    public SparkSession start(int threads) {
        return local(threads);
    }
}
