package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test
    void credentialsAreRedactedAndEverythingElseKept() {
        JsonNode json = ConfigJson.redacted(ConfigFactory.parseString("""
                spark.conf {
                  "spark.hadoop.fs.s3a.access.key" = AKIAEXAMPLE
                  "spark.hadoop.fs.s3a.secret.key" = "s3cr3t"
                  "spark.executor.memory" = 4g
                }
                train.epochs = 3
                """));
        JsonNode conf = json.get("spark").get("conf");
        assertEquals(ConfigJson.REDACTED, conf.get("spark.hadoop.fs.s3a.access.key").asText());
        assertEquals(ConfigJson.REDACTED, conf.get("spark.hadoop.fs.s3a.secret.key").asText());
        assertEquals("4g", conf.get("spark.executor.memory").asText());
        assertEquals(3, json.get("train").get("epochs").asInt());
        assertFalse(json.toString().contains("s3cr3t"));
    }
}
