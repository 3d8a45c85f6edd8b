package io.sparktrain.bench;

import io.sparktrain.config.SparkSection;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.bundle.BundleReader;
import io.sparktrain.trainer.engine.NativeBuild;
import io.sparktrain.trainer.engine.NativeThreads;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.runtime.SparkSessions;
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
 * ({@code output()} on minibatches, every core to ND4J) and by the bundle's pipeline on Spark
 * local[N] (what {@code sparktrain score} runs), each after a warm-up, the median of the repetitions.
 * Spark's rows are forced through Spark's {@code noop} sink, so neither side pays for writing.
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
        float[][] rows = readImages(images);

        List<Double> single = new ArrayList<>();
        Network network = Network.restore(new FileInputStream(new File(bundle, "network.zip")), false);
        NativeThreads.limitTo(Runtime.getRuntime().availableProcessors());
        scoreInOneJvm(network, rows);
        for (int i = 0; i < repetitions; i++) {
            single.add(rows.length / scoreInOneJvm(network, rows));
        }

        List<Double> spark = new ArrayList<>();
        SparkSession session = SparkSessions.start(SparkSessions.sparkConf("scoring-benchmark",
                "local[" + sparkThreads + "]", new SparkSection("local[" + sparkThreads + "]",
                        Map.of("spark.ui.enabled", "false"))));
        try {
            PipelineModel pipeline = BundleReader.load(bundle, session.sparkContext().hadoopConfiguration()).pipeline();
            Dataset<Row> input = new IdxImageSource(session).readImages(images, sparkThreads).cache();
            long count = input.count();
            scoreOnSpark(pipeline, input);
            for (int i = 0; i < repetitions; i++) {
                spark.add(count / scoreOnSpark(pipeline, input));
            }
        } finally {
            session.stop();
        }
        System.out.println(String.format("{\"rows\": %d, \"single_jvm_rows_per_s\": %s, \"spark_local%d_rows_per_s\": %s,"
                + " \"single_jvm_median\": %.1f, \"spark_median\": %.1f, \"score_ratio_local%d_vs_single\": %.3f}",
                rows.length, single, sparkThreads, spark, Medians.of(single), Medians.of(spark), sparkThreads,
                Medians.of(spark) / Medians.of(single)));
    }

    /** Seconds to score every row in minibatches of {@value #BATCH}. */
    private static double scoreInOneJvm(Network network, float[][] rows) {
        long start = System.nanoTime();
        for (int from = 0; from < rows.length; from += BATCH) {
            int to = Math.min(rows.length, from + BATCH);
            float[][] batch = new float[to - from][];
            System.arraycopy(rows, from, batch, 0, to - from);
            INDArray output = network.output(Nd4j.create(batch), null);
            output.close();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for Spark to compute every prediction column of every row. */
    private static double scoreOnSpark(PipelineModel pipeline, Dataset<Row> input) {
        long start = System.nanoTime();
        pipeline.transform(input).write().format("noop").mode("overwrite").save();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Pixels scaled to [0, 1] as IdxImageSource scales them, so both sides score the same numbers. */
    static float[][] readImages(String uri) throws IOException {
        File file = new File(uri);
        try (InputStream in = new FileInputStream(file)) {
            IdxHeader header = IdxHeader.read(uri, in, file.length());
            DataInputStream data = new DataInputStream(new FileInputStream(file));
            data.skipNBytes(header.dataOffset());
            float[][] rows = new float[header.itemCount()][header.itemSize()];
            byte[] pixels = new byte[header.itemSize()];
            for (float[] row : rows) {
                data.readFully(pixels);
                for (int j = 0; j < pixels.length; j++) {
                    row[j] = (pixels[j] & 0xFF) / 255f;
                }
            }
            data.close();
            return rows;
        }
    }
}
