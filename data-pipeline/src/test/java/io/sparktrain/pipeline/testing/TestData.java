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
        return new File(buildProperty("sparktrain.data.dir"));
    }

    /** The project's root folder, which the build passes in. */
    public static File projectDir() {
        return new File(buildProperty("sparktrain.project.dir"));
    }

    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests with Maven"
                    + " (scripts/test), which sets it");
        }
        return value;
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

    /** A file of a fetched dataset, e.g. {@code dataset("cars", "cars.json")}. */
    public static File dataset(String dataset, String name) {
        File file = new File(new File(dataRoot(), dataset), name);
        if (!file.isFile()) {
            throw new IllegalStateException("file " + file + " of dataset " + dataset + " is missing; fetch it with"
                    + " scripts/fetch-data " + dataset + " (scripts/test does this before running the tests)");
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
