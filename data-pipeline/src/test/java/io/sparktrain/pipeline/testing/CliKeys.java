package io.sparktrain.pipeline.testing;

import io.sparktrain.pipeline.settings.SettingNames;

/**
 * The setting names the trainer's CLI passes to the library ({@code io.sparktrain.config.ConfigKeys}),
 * copied here so that the library's tests can assert the CLI's exact messages; a trainer test keeps
 * the two equal.
 */
public final class CliKeys {
    public static final SettingNames SETTINGS = new SettingNames("data.table.bad-rows", "data.table.null-values",
            "data.table.delimiter", "data.table.multi-line", "data.table.header", "data.table.schema",
            "data.table.features", "data.table.label", "data.labels", "data.table.train or data.table.test",
            "data.text.column", "data.text.label");

    private CliKeys() {
    }
}
