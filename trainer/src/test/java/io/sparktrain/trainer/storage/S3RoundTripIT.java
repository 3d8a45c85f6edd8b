package io.sparktrain.trainer.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.trainer.score.ScoreJob;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train from, write the bundle to, and score from and to S3 (S3Proxy on 127.0.0.1, through s3a). */
class S3RoundTripIT {

    @Test
    void trainAndScoreThroughS3a(@TempDir Path dir) throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"), "sparktrain")) {
            new StoreRoundTrip(s3.bucketUri() + "/", s3.sparkConf(), StoreRoundTrip.hadoopConf(s3.sparkConf()))
                    .trainAndScore(dir);

            Map<String, String> wrongKey = new HashMap<>(s3.sparkConf());
            wrongKey.put("spark.hadoop.fs.s3a.access.key", "nobody");
            // Hadoop caches one filesystem per bucket and JVM: without this the cached, authorised one answers.
            wrongKey.put("spark.hadoop.fs.s3a.impl.disable.cache", "true");
            Exception denied = assertThrows(Exception.class, () -> new ScoreJob(new ScoreJob.Options(
                    s3.bucketUri() + "/bundles/xor", s3.bucketUri() + "/data/xor/test.csv", null,
                    s3.bucketUri() + "/scores/denied", "parquet", false, "local[2]", wrongKey)).run());
            String message = String.valueOf(denied.getMessage()) + denied.getCause();
            assertTrue(message.contains("bundles/xor"), "the message names the bundle: " + message);
            assertFalse(message.contains(S3ProxyServer.SECRET_KEY), "the secret stays out of messages");
        }
    }
}
