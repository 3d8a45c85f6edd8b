package io.sparktrain.config;

import com.typesafe.config.Config;
import io.sparktrain.trainer.model.NetworkSpec;

/**
 * A validated {@code train} job config.
 *
 * @param source   where the config came from, for messages
 * @param resolved the whole resolved config (defaults, file and overrides), kept for provenance
 */
public record TrainJobConfig(String source, JobSection job, SparkSection spark, DataSection data, NetworkSpec model,
        TrainSection train, OutputSection output, Config resolved) {}
