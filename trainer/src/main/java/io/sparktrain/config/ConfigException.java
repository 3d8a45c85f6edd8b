package io.sparktrain.config;

import java.util.List;

/**
 * Every problem found in a job config, reported together so a user fixes them in one pass.
 * Each problem names the key path, the bad value and what is allowed.
 */
public class ConfigException extends RuntimeException {
    private final String source;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(String source, List<String> problems) {
        StringBuilder text = new StringBuilder("config ").append(source).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
