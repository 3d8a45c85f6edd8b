package io.sparktrain.pipeline.check;

import io.sparktrain.pipeline.settings.SettingNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a job does with rows that fail the check ({@link CheckSpec#policy()}; Spark ML's
 * {@code handleInvalid}, for whole rows). ERROR is the default because a row that is silently
 * dropped or nulled changes what a model learns.
 */
public enum BadRowPolicy {
    /** Fail before training with one message listing every problem. */
    ERROR,
    /** Leave bad rows out, write them with the reason to a rejects folder, count them. */
    SKIP,
    /**
     * Bad feature values become missing, for the pipeline to impute, and are counted; rows that
     * cannot be kept (malformed, or with a missing or unknown label) are rejected as under SKIP.
     */
    KEEP;

    public static final List<String> NAMES = Arrays.stream(values()).map(BadRowPolicy::configName).toList();

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The policy by its lower-case name. The CLI's config reader checks the name itself (against
     * {@link #NAMES}, in its own words), so the message here is for library users.
     *
     * @throws IllegalArgumentException naming the setting, the value and the policies there are
     */
    public static BadRowPolicy of(String name) {
        return Arrays.stream(values()).filter(p -> p.configName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SettingNames.LIBRARY.badRows() + " = '" + name
                        + "' is not a policy; use one of " + NAMES));
    }
}
