package io.sparktrain.trainer.doctor;

import io.sparktrain.config.DataSection;

/** An input check's answer while the dataset is not fetched yet: train fetches it, so only a warning. */
final class MissingDataset {
    private MissingDataset() {
    }

    static CheckResult warning(DataSection data) {
        return CheckResult.warn("files of dataset '" + data.fetch().orElseThrow() + "' are missing under "
                        + data.root() + "; train fetches them before it starts",
                "or fetch them now: scripts/fetch-data --dir " + data.root() + " " + data.fetch().orElseThrow());
    }
}
