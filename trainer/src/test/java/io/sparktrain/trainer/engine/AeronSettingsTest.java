package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AeronSettingsTest {
    @Test
    void executorOptionsGiveEachExecutorItsOwnAeronDirectoryAndTheTimeoutAeronNeeds() {
        String options = AeronSettings.executorJavaOptions();
        assertTrue(options.contains("-Daeron.publication.unblock.timeout=60000000000"), options);
        assertTrue(options.contains("-Daeron.dir.delete.on.shutdown=true"), options);
        assertTrue(options.contains("aeron-sparktrain-{{APP_ID}}-{{EXECUTOR_ID}}"), options);
    }

    @Test
    void jvmPropertiesNameTheirDirectoryAfterTheJvm() {
        Map<String, String> properties = AeronSettings.jvmProperties("app-1-driver");
        assertTrue(properties.get("aeron.dir").endsWith("aeron-sparktrain-app-1-driver"));
        assertEquals("true", properties.get("aeron.dir.delete.on.shutdown"));
    }
}
