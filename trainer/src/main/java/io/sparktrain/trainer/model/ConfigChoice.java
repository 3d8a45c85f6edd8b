package io.sparktrain.trainer.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose constants a job config names by a lower-case word such as {@code max-pool}, so
 * each enum states its config names once and reading, listing and messages stay consistent.
 */
public interface ConfigChoice {
    String configName();

    static <E extends Enum<E> & ConfigChoice> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::configName).toList();
    }

    static <E extends Enum<E> & ConfigChoice> Optional<E> find(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.configName().equals(name)).findFirst();
    }
}
