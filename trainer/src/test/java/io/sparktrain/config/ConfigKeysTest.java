package io.sparktrain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktrain.pipeline.testing.CliKeys;
import org.junit.jupiter.api.Test;

/** The data-pipeline tests assert the CLI's messages with a copy of its keys: the copy must stay the same. */
class ConfigKeysTest {
    @Test
    void theLibraryTestsCopyOfTheCliKeysIsTheCliKeys() {
        assertEquals(ConfigKeys.SETTINGS, CliKeys.SETTINGS);
    }
}
