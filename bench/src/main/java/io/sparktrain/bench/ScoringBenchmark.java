package io.sparktrain.bench;

import io.sparktrain.config.SparkSection;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.bundle.BundleReader;
import io.sparktrain.trainer.engine.NativeBuild;
import io.sparktrain.trainer.engine.NativeThreads;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scoring throughput, in one process: the same bundle and images scored by one plain DL4J JVM
 * ({@code output()} on minibatches, with one native thread and with every core to ND4J) and by the bundle's pipeline on Spark
 * local[N] (what {@code sparktrain score} runs), each after a warm-up, the median of the repetitions.
 * Both read the IDX file as they score (a million rows of floats would not fit in the heap twice),
 * and Spark's rows are forced through Spark's {@code noop} sink, so neither side pays for writing.
 */
public final class ScoringBenchmark {
    private static final int BATCH = 256;

    private ScoringBenchmark() {
    }

    /** Args: BUNDLE IMAGES_IDX REPETITIONS SPARK_THREADS; prints one JSON object. */
    public static void main(String[] args) throws IOException {
        // As the CLI does before ND4J loads: both sides score on the build users get.
        NativeBuild.select();
        String bundle = args[0];
        String images = args[1];
        int repetitions = Integer.parseInt(args[2]);
        int sparkThreads = Integer.parseInt(args[3]);

        Network network = Network.restore(new FileInputStream(new File(bundle, "network.zip")), false);
        // One native thread first: how far one JVM's scoring scales over the cores by itself bounds
        // what splitting the rows over Spark tasks (one thread each) can add to it.
        NativeThreads.limitTo(1);
        // The warm-up pass also counts the rows.
        long rows = scoreInOneJvm(network, images);
        List<Double> singleThread = timeInOneJvm(network, images, rows, repetitions);
        NativeThreads.limitTo(Runtime.getRuntime().availableProcessors());
        List<Double> single = timeInOneJvm(network, images, rows, repetitions);

        List<Double> spark = new ArrayList<>();
        SparkSession session = SparkSessions.start(SparkSessions.sparkConf("scoring-benchmark",
                "local[" + sparkThreads + "]", new SparkSection("local[" + sparkThreads + "]",
                        Map.of("spark.ui.enabled", "false"))));
        try {
            PipelineModel pipeline = BundleReader.load(bundle, session.sparkContext().hadoopConfiguration()).pipeline();
            Dataset<Row> input = new IdxImageSource(session).readImages(images, sparkThreads);
            scoreOnSpark(pipeline, input);
            for (int i = 0; i < repetitions; i++) {
                spark.add(rows / scoreOnSpark(pipeline, input));
            }
        } finally {
            session.stop();
        }
        System.out.println(String.format("{\"rows\": %d, \"single_jvm_rows_per_s\": %s, \"spark_local%d_rows_per_s\": %s,"
                + " \"single_jvm_one_thread_rows_per_s\": %s, \"single_jvm_median\": %.1f, \"spark_median\": %.1f,"
                + " \"single_jvm_one_thread_median\": %.1f, \"score_ratio_local%d_vs_single\": %.3f,"
                + " \"score_ratio_local%d_vs_single_one_thread\": %.3f, \"score_single_jvm_thread_scaling\": %.3f}",
                rows, single, sparkThreads, spark, singleThread, Medians.of(single), Medians.of(spark),
                Medians.of(singleThread), sparkThreads, Medians.of(spark) / Medians.of(single), sparkThreads,
                Medians.of(spark) / Medians.of(singleThread), Medians.of(single) / Medians.of(singleThread)));
    }

    /** Rows per second of each of the repetitions of {@link #scoreInOneJvm}. */
    private static List<Double> timeInOneJvm(Network network, String images, long rows, int repetitions)
            throws IOException {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            scoreInOneJvm(network, images);
            rates.add(rows / ((System.nanoTime() - start) / 1e9));
        }
        return rates;
    }

    /** Scores every image of the file in minibatches of {@value #BATCH}, read as it goes; returns the count. */
    private static long scoreInOneJvm(Network network, String images) throws IOException {
        File file = new File(images);
        try (InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 20)) {
            IdxHeader header = IdxHeader.read(images, in, file.length());
            DataInputStream data = new DataInputStream(in);
            int size = header.itemSize();
            byte[] pixels = new byte[BATCH * size];
            for (long from = 0; from < header.itemCount(); from += BATCH) {
                int count = (int) Math.min(BATCH, header.itemCount() - from);
                data.readFully(pixels, 0, count * size);
                INDArray output = network.output(Nd4j.create(scaled(pixels, count * size), new long[] {count, size}), null);
                output.close();
            }
            return header.itemCount();
        }
    }

    /** Pixels scaled to [0, 1] as IdxImageSource scales them, so both sides score the same numbers. */
    private static float[] scaled(byte[] pixels, int length) {
        float[] values = new float[length];
        for (int j = 0; j < length; j++) {
            values[j] = (pixels[j] & 0xFF) / 255f;
        }
        return values;
    }

    /** Seconds for Spark to compute every prediction column of every row. */
    private static double scoreOnSpark(PipelineModel pipeline, Dataset<Row> input) {
        long start = System.nanoTime();
        pipeline.transform(input).write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Every image of an IDX file, scaled as {@link #scaled} does (MinibatchProfile's input). */
    static float[][] readImages(String uri) throws IOException {
        File file = new File(uri);
        try (InputStream in = new BufferedInputStream(new FileInputStream(file), 1 << 20)) {
            IdxHeader header = IdxHeader.read(uri, in, file.length());
            DataInputStream data = new DataInputStream(in);
            float[][] rows = new float[header.itemCount()][];
            byte[] pixels = new byte[header.itemSize()];
            for (int i = 0; i < rows.length; i++) {
                data.readFully(pixels);
                rows[i] = scaled(pixels, pixels.length);
            }
            return rows;
        }
    }
}
