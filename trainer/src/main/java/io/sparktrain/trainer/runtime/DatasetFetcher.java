package io.sparktrain.trainer.runtime;

import io.sparktrain.config.DataSection;
import io.sparktrain.pipeline.source.DataSourceException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Fetches a public dataset named by {@code data.fetch} with the project's {@code scripts/fetch-data}
 * when its files are missing on the local filesystem, so a fresh machine can run an example job
 * with no manual download. Remote inputs (hdfs:, s3a:) are never fetched.
 */
public final class DatasetFetcher {
    /** System property the launcher sets to the project folder, where scripts/fetch-data lives. */
    public static final String HOME_PROPERTY = "sparktrain.home";

    private DatasetFetcher() {
    }

    /** Whether {@code data.fetch} names a dataset and some of its files are missing on the local filesystem. */
    public static boolean missingLocally(DataSection data) {
        if (data.fetch().isEmpty()) {
            return false;
        }
        boolean missing = false;
        for (String uri : files(data)) {
            Path path = new Path(uri);
            String scheme = path.toUri().getScheme();
            if (scheme != null && !scheme.equals("file")) {
                return false;
            }
            missing |= !new File(path.toUri().getPath()).exists();
        }
        return missing;
    }

    private static List<String> files(DataSection data) {
        return data.inputs().files();
    }

    public static void fetchIfMissing(DataSection data, Configuration hadoopConf, Progress progress) {
        if (!missingLocally(data)) {
            return;
        }
        List<String> files = files(data);
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null) {
            throw new DataSourceException("input files of dataset '" + data.fetch().get() + "' are missing (" + files
                    + "); fetch them with scripts/fetch-data --dir " + data.root() + " " + data.fetch().get());
        }
        File root = new File(data.root()).getAbsoluteFile();
        progress.info("dataset '" + data.fetch().get() + "' is not in " + root + " yet: fetching it");
        ProcessBuilder fetch = new ProcessBuilder("bash", new File(home, "scripts/fetch-data").getPath(),
                "--dir", root.getPath(), data.fetch().get()).inheritIO();
        try {
            int exit = fetch.start().waitFor();
            if (exit != 0) {
                throw new DataSourceException("scripts/fetch-data " + data.fetch().get() + " failed with exit code "
                        + exit + " (see its message above)");
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot run scripts/fetch-data: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataSourceException("interrupted while fetching dataset " + data.fetch().get(), e);
        }
    }
}
