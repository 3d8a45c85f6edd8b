package io.sparktrain.config;

import io.sparktrain.trainer.model.NetworkSpec;

/**
 * What a Spark ML network estimator trains from: the network and the training settings of a job
 * config, without its data, Spark and output sections (a pipeline supplies those).
 *
 * @param source where the config text came from, for messages
 */
public record NetworkTrainingConfig(String source, NetworkSpec model, TrainSection train, long seed) {}
