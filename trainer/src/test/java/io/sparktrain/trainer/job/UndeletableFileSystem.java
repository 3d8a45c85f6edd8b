package io.sparktrain.trainer.job;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@code undeletable:}, refusing every delete: a store where
 * cleanup fails (permissions, a lost connection), which root on this machine cannot make of a
 * plain folder. Registered with {@code spark.hadoop.fs.undeletable.impl}.
 */
public final class UndeletableFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "undeletable";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        throw new IOException("the test filesystem refuses to delete " + path);
    }
}
