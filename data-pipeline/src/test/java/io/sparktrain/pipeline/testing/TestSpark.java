package io.sparktrain.pipeline.testing;

import org.apache.spark.sql.SparkSession;

/** A real local Spark for tests: N worker threads, no UI, Kryo as in production. */
public final class TestSpark {
    private TestSpark() {
    }

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
}
