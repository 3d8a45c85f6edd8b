package io.sparktrain.trainer.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.job.TrainJob;
import io.sparktrain.trainer.score.ScoreJob;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The round trip a user makes with data on a remote store: the XOR tables copied there, a model
 * trained reading them and writing its bundle there, then the test table scored from and to the
 * same store. Every step talks to the store through Hadoop's filesystem, as on a cluster.
 *
 * @param store     the store's root URI, e.g. {@code hdfs://127.0.0.1:PORT/} or {@code s3a://bucket/}
 * @param sparkConf Spark properties the store needs (endpoint, credentials)
 */
record StoreRoundTrip(String store, Map<String, String> sparkConf, Configuration hadoop) {

    /** Returns the bundle's manifest, read back from the store. */
    JsonNode trainAndScore(Path localWork) throws IOException {
        String data = store + "data";
        FileSystem fs = new org.apache.hadoop.fs.Path(store).getFileSystem(hadoop);
        for (String file : List.of("train.csv", "test.csv")) {
            // A plain stream copy: S3A's copyFromLocalFile refuses files under a symbolic link (the data folder).
            try (OutputStream out = fs.create(new org.apache.hadoop.fs.Path(data + "/xor/" + file))) {
                Files.copy(TestData.dataset("xor", file).toPath(), out);
            }
        }
        String bundle = store + "bundles/xor";
        List<String> overrides = new ArrayList<>(List.of("data.root=\"" + data + "\"", "data.fetch=\"\"",
                "train.averaging.work-dir=\"" + localWork.resolve("work") + "\"", "output.bundle=\"" + bundle + "\""));
        sparkConf.forEach((key, value) -> overrides.add("spark.conf.\"" + key + "\"=\"" + value + "\""));
        new TrainJob(TrainJobConfigLoader.load(new File(TestData.projectDir(), "conf/xor.conf"), overrides),
                new TrainJob.Options("local[2]", false, false, false, true)).run();
        JsonNode manifest;
        try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(bundle + "/bundle.json"))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(text.contains(S3ProxyServer.SECRET_KEY), "the secret key stays out of bundle.json");
            manifest = new ObjectMapper().readTree(text);
        }
        assertEquals(1.0, manifest.at("/metrics/test/accuracy").asDouble(), "XOR learned from the store");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(bundle + "/pipeline/metadata")), "pipeline in the bundle");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(bundle + "/network.zip")), "network in the bundle");

        String predictions = store + "scores/xor";
        ScoreJob.Result scored = new ScoreJob(new ScoreJob.Options(bundle, data + "/xor/test.csv", null, predictions,
                "parquet", false, "local[2]", sparkConf)).run();
        assertEquals(List.of(4L, 4L, 0L), List.of(scored.rowsIn(), scored.scored(), scored.rejected()));
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(predictions + "/_SUCCESS")), "predictions committed");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(predictions + "/_sparktrain_score.json")), "row account");
        return manifest;
    }

    /** Hadoop properties from Spark's {@code spark.hadoop.*} ones, for the test's own filesystem calls. */
    static Configuration hadoopConf(Map<String, String> sparkConf) {
        Configuration conf = new Configuration();
        sparkConf.forEach((key, value) -> conf.set(key.substring("spark.hadoop.".length()), value));
        return conf;
    }
}
