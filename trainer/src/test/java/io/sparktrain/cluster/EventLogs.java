package io.sparktrain.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Spark event logs ({@code spark.eventLog.dir}: one JSON event per line), read to see where tasks ran. */
final class EventLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLogs() {
    }

    /** The ids of the executors that finished at least one task, over every application logged in {@code dir}. */
    static Set<String> executorsThatRanTasks(Path dir) throws IOException {
        Set<String> executors = new TreeSet<>();
        for (Path log : files(dir)) {
            for (String line : Files.readAllLines(log)) {
                JsonNode event = JSON.readTree(line);
                if (event.path("Event").asText().equals("SparkListenerTaskEnd")) {
                    executors.add(event.at("/Task Info/Executor ID").asText());
                }
            }
        }
        return executors;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
