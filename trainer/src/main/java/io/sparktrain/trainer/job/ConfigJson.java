package io.sparktrain.trainer.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The resolved job config as JSON for provenance, with credentials replaced by a marker. */
public final class ConfigJson {
    private static final Pattern SECRET = Pattern.compile("(?i).*(secret|password|token|credential|access\\.key|session\\.key).*");
    static final String REDACTED = "*****";

    private ConfigJson() {
    }

    public static JsonNode redacted(Config config) {
        try {
            JsonNode json = new ObjectMapper().readTree(config.root().render(ConfigRenderOptions.concise()));
            redact(json);
            return json;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET.matcher(name).matches() && object.get(name).isValueNode()) {
                    object.put(name, REDACTED);
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(ConfigJson::redact);
        }
    }
}
