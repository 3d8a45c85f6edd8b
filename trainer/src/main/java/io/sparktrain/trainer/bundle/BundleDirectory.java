package io.sparktrain.trainer.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import io.sparktrain.pipeline.report.DataReport;
import io.sparktrain.trainer.engine.Network;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A model bundle directory on any Hadoop filesystem, through its life: checked before Spark
 * starts, checkpoints while training, the final network and {@code bundle.json} at the end.
 * {@code bundle.json} is written last and renamed into place, so its presence marks a complete
 * bundle; a directory without it is an interrupted run that {@code --resume} can continue.
 */
public final class BundleDirectory {
    /** What is at the bundle path before a run. */
    public enum State { ABSENT, INTERRUPTED, COMPLETE }

    private final String uri;
    private final FileSystem fs;
    private final Path path;

    public BundleDirectory(String uri, Configuration hadoopConf) {
        this.uri = uri;
        try {
            Path raw = new Path(uri);
            this.fs = raw.getFileSystem(hadoopConf);
            this.path = fs.makeQualified(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output bundle " + uri + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    public CheckpointStore checkpoints(int keep, boolean graph) {
        return new CheckpointStore(fs, path, keep, graph);
    }

    public State state() {
        try {
            if (!fs.exists(path)) {
                return State.ABSENT;
            }
            return fs.exists(new Path(path, BundleManifest.MANIFEST_FILE)) ? State.COMPLETE : State.INTERRUPTED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check output bundle " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Why a run may not use this bundle directory, and what the user can do about it. */
    public record Refusal(String problem, String fix) {}

    /**
     * Why a run may not write here, if it may not: the path is taken and neither {@code overwrite}
     * nor {@code resume} (with a checkpoint to resume from) was asked for.
     */
    public Optional<Refusal> refusal(boolean overwrite, boolean resume) {
        State state = state();
        if (resume) {
            if (state == State.ABSENT || checkpoints(1, false).isEmpty()) {
                return Optional.of(new Refusal("--resume was given but " + uri + " holds no checkpoint to resume from",
                        "run without --resume to start training"));
            }
            return Optional.empty();
        }
        if (state == State.ABSENT || overwrite) {
            return Optional.empty();
        }
        if (state == State.COMPLETE) {
            return Optional.of(new Refusal("model bundle " + uri + " already exists", "pass --overwrite to replace it,"
                    + " or choose another directory with --output URI (or --set output.bundle=URI)"));
        }
        if (checkpoints(1, false).isEmpty()) {
            // A table's rejects and data report are written before the first epoch: a run can stop with only those.
            return Optional.of(new Refusal(uri + " exists but holds no bundle.json and no checkpoint (a run that stopped"
                    + " before its first epoch ended, or another folder)", "pass --overwrite to start over, or --output URI"
                    + " for another directory"));
        }
        return Optional.of(new Refusal("model bundle " + uri + " holds an interrupted run (checkpoints, no bundle.json)",
                "pass --resume to continue it, --overwrite to start over, or --output URI for another directory"));
    }

    /** Fails fast, before any training, when {@link #refusal} finds a reason not to write here. */
    public void checkUsable(boolean overwrite, boolean resume) {
        Optional<Refusal> refusal = refusal(overwrite, resume);
        if (refusal.isPresent()) {
            throw new BundleExistsException(refusal.get().problem() + "; " + refusal.get().fix());
        }
    }

    /** Clears an existing bundle when the user asked to overwrite it; called once training is about to start. */
    public void clear() {
        try {
            fs.delete(path, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old bundle " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Folder of the bundle's Spark ML {@code PipelineModel}: the fitted preparation stages and the
     * network, from prepared input columns to predictions.
     */
    public static final String PIPELINE_DIR = "pipeline";

    /**
     * Saves the scoring pipeline, replacing one from an earlier attempt; call before
     * {@link #writeFinal}, whose {@code bundle.json} marks the bundle complete.
     */
    public void writePipeline(PipelineModel pipeline) {
        try {
            pipeline.write().overwrite().save(new Path(path, PIPELINE_DIR).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feature pipeline into " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Folder of the rows a check rejected, one subfolder per input ({@code train}, {@code test}). */
    public static final String REJECTS_DIR = "rejects";

    public String rejectsUri(String split) {
        return new Path(new Path(path, REJECTS_DIR), split).toString();
    }

    /** Writes {@value DataReport#FILE}, replacing one from an earlier attempt. */
    public void writeDataReport(DataReport report) {
        try (OutputStream out = fs.create(new Path(path, DataReport.FILE), true)) {
            Json.MAPPER.writeValue(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data report into " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the data report's training rows per class after resampling, known only once the job
     * has rebalanced the rows it trains on; does nothing when there is no data report.
     */
    public void recordResampledClasses(Map<String, Long> byClass) {
        Path file = new Path(path, DataReport.FILE);
        try {
            if (!fs.exists(file)) {
                return;
            }
            ObjectNode report;
            try (InputStream in = fs.open(file)) {
                report = (ObjectNode) Json.MAPPER.readTree(in);
            }
            report.set("classesAfterResampling", Json.MAPPER.valueToTree(byClass));
            try (OutputStream out = fs.create(file, true)) {
                Json.MAPPER.writeValue(out, report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the data report in " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Writes the final network then {@code bundle.json}, each under a temporary name first. */
    public void writeFinal(Network network, BundleManifest manifest) {
        try {
            fs.mkdirs(path);
            Path manifestFile = new Path(path, BundleManifest.MANIFEST_FILE);
            if (fs.exists(manifestFile)) {
                fs.delete(manifestFile, false);
            }
            Path networkTmp = new Path(path, "." + BundleManifest.NETWORK_FILE + ".partial");
            try (OutputStream out = fs.create(networkTmp, true)) {
                ModelSerializer.writeModel(network.model(), out, true);
            }
            replace(networkTmp, new Path(path, BundleManifest.NETWORK_FILE));
            Path manifestTmp = new Path(path, "." + BundleManifest.MANIFEST_FILE + ".partial");
            try (OutputStream out = fs.create(manifestTmp, true)) {
                Json.MAPPER.writeValue(out, manifest);
            }
            replace(manifestTmp, manifestFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle " + uri + ": " + e.getMessage(), e);
        }
    }

    private void replace(Path from, Path to) throws IOException {
        if (fs.exists(to)) {
            fs.delete(to, false);
        }
        if (!fs.rename(from, to)) {
            throw new IOException("rename of " + from + " to " + to + " failed");
        }
    }
}
