package io.sparktrain.pipeline.table;

import io.sparktrain.pipeline.settings.SettingNames;
import io.sparktrain.pipeline.source.DataSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The data files behind a table URI (a file, a folder or a glob), as Spark's file sources see
 * them: names starting with {@code _} or {@code .} (markers, checksums) are not data. Checked
 * before Spark reads, because Spark's own word for an empty folder is "Unable to infer schema".
 */
final class InputFiles {
    private final Configuration hadoop;
    private final SettingNames settings;

    InputFiles(Configuration hadoop, SettingNames settings) {
        this.hadoop = hadoop;
        this.settings = settings;
    }

    /** @throws DataSourceException when the URI matches nothing, or only folders without data or empty files */
    void requireData(String uri) {
        List<FileStatus> files;
        try {
            files = list(new Path(uri));
        } catch (IOException | IllegalArgumentException e) {
            throw new DataSourceException("cannot list table input " + uri + ": " + e.getMessage()
                    + "; check the path in the config", e);
        }
        if (files == null) {
            throw new DataSourceException("table input " + uri + " does not exist; check the path in the config"
                    + " (" + settings.inputs() + ")");
        }
        if (files.isEmpty()) {
            throw new DataSourceException("table input " + uri + " holds no data files (an empty folder); put the"
                    + " table's files there or point the config at another path");
        }
        if (files.stream().allMatch(f -> f.getLen() == 0)) {
            throw new DataSourceException("table input " + uri + " holds only empty files (" + files.size()
                    + " file(s), 0 bytes); write the data again or point the config at another path");
        }
    }

    /** The data files, or null when the path matches nothing. */
    private List<FileStatus> list(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(hadoop);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            return null;
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus match : matches) {
            if (match.isDirectory()) {
                for (FileStatus child : fs.listStatus(match.getPath())) {
                    if (child.isFile() && isData(child.getPath())) {
                        files.add(child);
                    }
                }
            } else {
                files.add(match);
            }
        }
        return files;
    }

    private static boolean isData(Path path) {
        String name = path.getName();
        return !name.startsWith("_") && !name.startsWith(".");
    }
}
