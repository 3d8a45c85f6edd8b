package io.sparktrain.trainer.doctor;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job can create files where it will write (the bundle, exported minibatches): a probe file
 * is created and deleted in the location, or in its nearest existing ancestor when the location
 * does not exist yet. Permissions, read-only mounts and wrong credentials all show here, not after
 * the last epoch.
 */
final class WritableLocationCheck implements Check {
    private final String name;
    private final String uri;
    private final String key;
    private final Configuration hadoop;

    /**
     * @param name for the table, e.g. {@code output writable}
     * @param key  the config key that sets the location, for the fix
     */
    WritableLocationCheck(String name, String uri, String key, Configuration hadoop) {
        this.name = name;
        this.uri = uri;
        this.key = key;
        this.hadoop = hadoop;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run() {
        String fix = "set " + key + " to a location this user can write to";
        Path location = new Path(uri);
        Path existing;
        FileSystem fs;
        try {
            fs = location.getFileSystem(hadoop);
            existing = fs.makeQualified(location);
            while (existing.getParent() != null && !fs.exists(existing)) {
                existing = existing.getParent();
            }
            if (!fs.getFileStatus(existing).isDirectory()) {
                return CheckResult.fail(existing + " is a file, so " + uri + " cannot be created below it", fix);
            }
        } catch (IOException e) {
            return CheckResult.fail("cannot look at " + uri + ": " + e.getMessage(), fix);
        }
        String place = existing + (existing.equals(fs.makeQualified(location)) ? ""
                : " (the nearest existing folder of " + uri + ")");
        Path probe = new Path(existing, ".sparktrain-doctor-" + UUID.randomUUID());
        try {
            fs.create(probe, false).close();
            fs.delete(probe, false);
        } catch (IOException e) {
            return CheckResult.fail("cannot create a file in " + place + ": " + e.getMessage(),
                    fix + ", or make " + existing + " writable");
        }
        return CheckResult.ok("can create files in " + place);
    }
}
