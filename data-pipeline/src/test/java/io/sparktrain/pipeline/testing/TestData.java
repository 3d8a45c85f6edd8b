package io.sparktrain.pipeline.testing;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;

/**
 * Locates the real datasets ({@code scripts/fetch-data}) and the test resources. A missing
 * dataset fails the test with the command that fetches it: tests never skip silently.
 */
public final class TestData {
    private TestData() {
    }

    /** The data root the build passes in (default {@code <repo>/data}). */
    public static File dataRoot() {
        String dir = System.getProperty("sparktrain.data.dir");
        if (dir == null) {
            throw new IllegalStateException("system property sparktrain.data.dir is not set; run the tests with Maven"
                    + " (scripts/test), which sets it");
        }
        return new File(dir);
    }

    /** A file of the MNIST dataset, e.g. {@code train-images-idx3-ubyte}. */
    public static File mnist(String name) {
        File file = new File(new File(dataRoot(), "mnist"), name);
        if (!file.isFile()) {
            throw new IllegalStateException("MNIST file " + file + " is missing; fetch it with scripts/fetch-data mnist"
                    + " (scripts/test does this before running the tests)");
        }
        return file;
    }

    /** A file under src/test/resources of the data-pipeline module. */
    public static File resource(String path) {
        URL url = TestData.class.getResource("/" + path);
        if (url == null) {
            throw new IllegalStateException("test resource " + path + " is missing");
        }
        try {
            return new File(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
