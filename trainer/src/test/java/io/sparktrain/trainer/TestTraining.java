package io.sparktrain.trainer;

import io.sparktrain.config.TrainJobConfigLoader;
import io.sparktrain.pipeline.testing.TestData;
import io.sparktrain.trainer.job.TrainJob;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Trains a shipped config on local[2] into a test folder, for tests that need a real bundle. */
public final class TestTraining {
    private TestTraining() {
    }

    /**
     * @param conf  a file of conf/, e.g. {@code xor.conf}
     * @param extra more overrides, e.g. {@code train.epochs=1}
     * @return the bundle folder, {@code dir/bundle}
     */
    public static Path train(String conf, Path dir, String... extra) {
        Path bundle = dir.resolve("bundle");
        List<String> overrides = new ArrayList<>(List.of("data.root=\"" + TestData.dataRoot() + "\"", "data.fetch=\"\"",
                "train.averaging.work-dir=\"" + dir.resolve("work") + "\"", "output.bundle=\"" + bundle + "\""));
        overrides.addAll(List.of(extra));
        new TrainJob(TrainJobConfigLoader.load(new File(TestData.projectDir(), "conf/" + conf), overrides),
                new TrainJob.Options("local[2]", false, false, false, true)).run();
        return bundle;
    }
}
