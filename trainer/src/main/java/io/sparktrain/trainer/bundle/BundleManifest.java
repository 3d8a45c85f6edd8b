package io.sparktrain.trainer.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparktrain.trainer.engine.EpochResult;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code bundle.json}: everything needed to trust, reproduce and use a model.
 * Tools read {@code metrics.test.accuracy} (classification) or {@code metrics.test.rmse} (regression).
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion bumped when the bundle layout changes incompatibly; 2: {@code pipeline/} holds the
 *                      network stage too, for every input format
 * @param created       ISO-8601 time the bundle was written
 * @param network       file name of the DL4J network (ModelSerializer zip, with updater state)
 * @param task          {@code classification}, {@code regression} or {@value #MULTI_OUTPUT} (a graph with several
 *                      outputs, one label each: metrics named {@code <output>.<metric>})
 * @param labels        class names by class index
 * @param inputSize     features per example the network expects
 * @param config        the resolved job config, secrets redacted
 * @param history       one entry per epoch
 * @param finalEpoch    epoch whose network the bundle holds (the best one when early stopping restored it)
 * @param stoppedEarly  whether early stopping ended training before the configured epochs
 * @param metrics       final metrics by data split, e.g. {@code test -> accuracy -> 0.98}; a regression's test
 *                      metrics include {@code mean_baseline_rmse}, the rmse of always predicting the training mean
 * @param parameters    every learned value of a small network (at most {@value #LISTED_PARAMETERS}), by DL4J
 *                      name ({@code 0_W}: weights of layer 0, row-major; {@code 0_b}: its biases); empty otherwise
 * @param trainingStats dl4j-spark timing statistics by event kind, when collecting them was asked for
 */
public record BundleManifest(String format, int formatVersion, String created, String jobName, long seed,
        Versions versions, String network, String task, List<String> labels, int inputSize, JsonNode config,
        List<EpochResult> history, int finalEpoch, boolean stoppedEarly, Map<String, Map<String, Double>> metrics,
        Map<String, List<Double>> parameters, Map<String, Map<String, Double>> trainingStats) {
    public static final int LISTED_PARAMETERS = 100;
    public static final String FORMAT = "sparktrain-bundle";
    public static final int FORMAT_VERSION = 2;
    public static final String NETWORK_FILE = "network.zip";
    public static final String MANIFEST_FILE = "bundle.json";
    public static final String MULTI_OUTPUT = "multi-output";
}
