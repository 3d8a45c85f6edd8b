package io.sparktrain.trainer.score;

import io.sparktrain.trainer.bundle.BundleExistsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** An output folder on any Hadoop filesystem that a job writes once, refusing to replace one silently. */
final class OutputTarget {
    private final String uri;
    private final FileSystem fs;
    private final Path path;

    OutputTarget(String uri, Configuration hadoop) {
        this.uri = uri;
        try {
            Path raw = new Path(uri);
            this.fs = raw.getFileSystem(hadoop);
            this.path = fs.makeQualified(raw);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + uri + ": " + e.getMessage(), e);
        }
    }

    String uri() {
        return path.toString();
    }

    /** Checked before Spark starts, so a typo costs nothing. */
    void refuseExisting(boolean overwrite) {
        try {
            if (!overwrite && fs.exists(path)) {
                throw new BundleExistsException("output " + uri + " already exists; pass --overwrite to replace it, or"
                        + " choose another --output");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check output " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Makes the (empty) folder, replacing an earlier one when overwriting was asked for. */
    void create(boolean overwrite) {
        try {
            if (overwrite && fs.exists(path)) {
                fs.delete(path, true);
            }
            fs.mkdirs(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a small file into the folder; a name starting with {@code _} keeps it out of what
     * Spark and Hive read as the folder's data.
     */
    void writeFile(String name, String text) {
        try (OutputStream out = fs.create(new Path(path, name), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " into " + uri + ": " + e.getMessage(), e);
        }
    }
}
