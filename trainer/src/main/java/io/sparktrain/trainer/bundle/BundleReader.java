package io.sparktrain.trainer.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.sparktrain.config.ConfigException;
import io.sparktrain.config.OutputLabel;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;

/**
 * Opens a model bundle written by {@code sparktrain train}, on any Hadoop filesystem, for scoring
 * and evaluation. Everything that can be wrong with a bundle (missing, interrupted, truncated,
 * written by an incompatible version, pipeline unreadable) is reported as a
 * {@link BundleException} naming the bundle, the file and what to do.
 */
public final class BundleReader {
    private BundleReader() {
    }

    /**
     * @param manifest the parsed {@code bundle.json}
     * @param config   the job config the bundle was trained with (data format, table options, labels)
     * @param pipeline preparation stages and the network, from input columns to predictions
     */
    public record LoadedBundle(String uri, JsonNode manifest, TrainJobConfig config, PipelineModel pipeline) {
        public List<String> labels() {
            return config.data().labels();
        }

        public boolean regression() {
            return config.data().regression();
        }

        /**
         * Refuses a bundle whose network has several outputs (data.table.outputs): {@code job}
         * writes the predictions or metrics of one output.
         */
        public LoadedBundle requireOneOutput(String job) {
            List<String> outputs = config.data().table().map(t -> t.section().outputs()).orElse(List.of()).stream()
                    .map(OutputLabel::output).toList();
            if (!outputs.isEmpty()) {
                throw new BundleException(uri, "its network has " + outputs.size() + " outputs " + outputs
                        + " (data.table.outputs), and sparktrain " + job + " handles a network with one output",
                        "the test metrics of every output are in " + BundleManifest.MANIFEST_FILE + "; to predict,"
                                + " load " + BundleManifest.NETWORK_FILE + " with DL4J's ModelSerializer"
                                + ".restoreComputationGraph and call output(...) for every output");
            }
            return this;
        }
    }

    /** Reads {@code bundle.json} and the job config in it; checks the format before any Spark work. */
    public static LoadedBundle open(String uri, Configuration hadoop) {
        Path root = new Path(uri);
        JsonNode manifest = readManifest(uri, root, hadoop);
        String format = manifest.path("format").asText("");
        if (!format.equals(BundleManifest.FORMAT)) {
            throw new BundleException(uri, BundleManifest.MANIFEST_FILE + " has format '" + format + "', not '"
                    + BundleManifest.FORMAT + "'", "point --bundle at a folder written by sparktrain train");
        }
        int version = manifest.path("formatVersion").asInt(-1);
        if (version != BundleManifest.FORMAT_VERSION) {
            throw new BundleException(uri, "bundle format version " + version + " (sparktrain "
                    + manifest.at("/versions/sparktrain").asText("?") + "); this sparktrain reads version "
                    + BundleManifest.FORMAT_VERSION, "retrain with this version, or score with the version that trained it");
        }
        TrainJobConfig config;
        try {
            config = TrainJobConfigLoader.loadRecorded(uri + "/" + BundleManifest.MANIFEST_FILE + " (config)",
                    ConfigFactory.parseString(manifest.path("config").toString()));
        } catch (ConfigException e) {
            throw new BundleException(uri, "its recorded job config is not valid for this sparktrain: " + e.getMessage(),
                    "retrain with this version");
        }
        return new LoadedBundle(uri, manifest, config, null);
    }

    /** As {@link #open}, with the pipeline loaded (needs an active SparkSession). */
    public static LoadedBundle load(String uri, Configuration hadoop) {
        LoadedBundle bundle = open(uri, hadoop);
        String pipelineUri = new Path(new Path(uri), BundleDirectory.PIPELINE_DIR).toString();
        PipelineModel pipeline;
        try {
            pipeline = PipelineModel.load(pipelineUri);
        } catch (Exception e) {
            // Spark's readers throw Hadoop's checked IOExceptions from Scala code, undeclared.
            throw new BundleException(uri, "its pipeline " + pipelineUri + " cannot be read: " + e.getMessage(),
                    "the bundle is damaged or incomplete; copy it again or retrain");
        }
        return new LoadedBundle(uri, bundle.manifest(), bundle.config(), pipeline);
    }

    private static JsonNode readManifest(String uri, Path root, Configuration hadoop) {
        Path file = new Path(root, BundleManifest.MANIFEST_FILE);
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root)) {
                throw new BundleException(uri, "it does not exist", "pass the output folder of sparktrain train as --bundle");
            }
            if (!fs.exists(file)) {
                throw new BundleException(uri, "it has no " + BundleManifest.MANIFEST_FILE + ", so training did not"
                        + " finish (or this is not a bundle)", "finish the run with sparktrain train --resume, or retrain");
            }
            try (InputStream in = fs.open(file)) {
                return Json.MAPPER.readTree(in);
            }
        } catch (ChecksumException e) {
            throw new BundleException(uri, BundleManifest.MANIFEST_FILE + " does not match its checksum file (damaged"
                    + " or edited after writing): " + e.getMessage(), "copy the bundle again or retrain");
        } catch (JsonProcessingException e) {
            throw new BundleException(uri, BundleManifest.MANIFEST_FILE + " is not valid JSON (truncated or damaged?): "
                    + e.getOriginalMessage(), "copy the bundle again or retrain");
        } catch (IOException e) {
            throw new BundleException(uri, "cannot read " + file + ": " + e.getMessage(), "check the URI and credentials");
        }
    }
}
