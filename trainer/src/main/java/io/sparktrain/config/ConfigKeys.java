package io.sparktrain.config;

import io.sparktrain.pipeline.settings.SettingNames;

/**
 * The config keys the CLI's users write, for the data-pipeline library's messages: the library
 * names its own API by default, and the jobs pass {@link #SETTINGS} wherever they call it, so a
 * message advises the key in the user's config file.
 */
public final class ConfigKeys {
    public static final SettingNames SETTINGS = new SettingNames("data.table.bad-rows", "data.table.null-values",
            "data.table.delimiter", "data.table.multi-line", "data.table.header", "data.table.schema",
            "data.table.features", "data.table.label", "data.labels", "data.table.train or data.table.test",
            "data.text.column", "data.text.label");

    private ConfigKeys() {
    }
}
