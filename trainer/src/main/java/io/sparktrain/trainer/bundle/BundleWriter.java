package io.sparktrain.trainer.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Writes a model bundle directory to any Hadoop filesystem. Files go to a hidden sibling
 * directory first and are renamed into place at the end, so a failed write never leaves
 * something that looks like a finished bundle. An existing bundle is replaced only when asked.
 */
public final class BundleWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Configuration hadoopConf;

    public BundleWriter(Configuration hadoopConf) {
        this.hadoopConf = hadoopConf;
    }

    /** Fails fast, before any training, if the bundle exists and may not be overwritten. */
    public void checkWritable(String uri, boolean overwrite) {
        Path path = new Path(uri);
        try {
            if (!overwrite && path.getFileSystem(hadoopConf).exists(path)) {
                throw new BundleExistsException(uri);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check output bundle " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Writes the network and manifest; returns the fully qualified bundle path. */
    public Path write(String uri, MultiLayerNetwork network, BundleManifest manifest, boolean overwrite) {
        Path target = new Path(uri);
        try {
            FileSystem fs = target.getFileSystem(hadoopConf);
            target = fs.makeQualified(target);
            Path staging = new Path(target.getParent(), "." + target.getName() + ".partial-" + UUID.randomUUID());
            try {
                fs.mkdirs(staging);
                try (OutputStream out = fs.create(new Path(staging, BundleManifest.NETWORK_FILE), false)) {
                    ModelSerializer.writeModel(network, out, true);
                }
                try (OutputStream out = fs.create(new Path(staging, BundleManifest.MANIFEST_FILE), false)) {
                    JSON.writeValue(out, manifest);
                }
                if (fs.exists(target)) {
                    if (!overwrite) {
                        throw new BundleExistsException(uri);
                    }
                    fs.delete(target, true);
                }
                if (!fs.rename(staging, target)) {
                    throw new IOException("rename of " + staging + " to " + target + " failed");
                }
            } finally {
                if (fs.exists(staging)) {
                    fs.delete(staging, true);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model bundle " + uri + ": " + e.getMessage(), e);
        }
    }
}
