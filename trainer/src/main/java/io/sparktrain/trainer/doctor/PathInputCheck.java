package io.sparktrain.trainer.doctor;

import io.sparktrain.config.DataSection;
import io.sparktrain.trainer.runtime.DatasetFetcher;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A table or text input (a file or a folder of files) exists and is not empty; its content is
 * checked when it is read, with file, column and value named.
 */
final class PathInputCheck implements Check {
    private final String split;
    private final String key;
    private final String uri;
    private final DataSection data;
    private final Configuration hadoop;

    /**
     * @param split {@code train} or {@code test}, for the name
     * @param key   the config key naming the input, e.g. {@code data.table.train}
     */
    PathInputCheck(String split, String key, String uri, DataSection data, Configuration hadoop) {
        this.split = split;
        this.key = key;
        this.uri = uri;
        this.data = data;
        this.hadoop = hadoop;
    }

    @Override
    public String name() {
        return split + " data";
    }

    @Override
    public CheckResult run() {
        if (DatasetFetcher.missingLocally(data)) {
            return MissingDataset.warning(data);
        }
        String fix = "fix " + key + " in the config (or --set " + key + "=URI)";
        try {
            Path path = new Path(uri);
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                return CheckResult.fail(uri + " does not exist", fix);
            }
            ContentSummary summary = fs.getContentSummary(path);
            if (summary.getLength() == 0) {
                return CheckResult.fail(uri + " is empty (" + summary.getFileCount() + " file(s), 0 bytes)", fix);
            }
            return CheckResult.ok(String.format("%s: %,d file(s), %,d bytes", uri, summary.getFileCount(),
                    summary.getLength()));
        } catch (IOException | IllegalArgumentException e) {
            return CheckResult.fail("cannot read " + uri + ": " + e.getMessage(), fix);
        }
    }
}
