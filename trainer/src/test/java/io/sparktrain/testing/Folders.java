package io.sparktrain.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a folder holds, for tests that check a job left nothing behind. */
public final class Folders {
    private Folders() {
    }

    /** The entries of {@code dir}; none when it does not exist (a job may never have created it). */
    public static List<Path> entries(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
