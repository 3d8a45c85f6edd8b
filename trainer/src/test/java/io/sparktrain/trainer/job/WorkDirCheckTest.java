package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.config.ConfigException;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainJobConfigLoader;
import java.io.File;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Where exported minibatches may go, for masters whose executors run here or elsewhere. */
class WorkDirCheckTest {
    private static TrainJobConfig config(String... overrides) {
        File conf = new File(System.getProperty("sparktrain.project.dir"), "conf/mnist-mlp.conf");
        return TrainJobConfigLoader.load(conf, List.of(overrides));
    }

    private static void check(TrainJobConfig config, String master) {
        WorkDirCheck.requireShared(config, master, new Configuration());
    }

    @Test
    void aLocalWorkDirServesExecutorsOnThisMachine() {
        TrainJobConfig config = config();
        for (String master : List.of("local[2]", "local[*]", "spark://127.0.0.1:7077", "spark://localhost:7077")) {
            assertDoesNotThrow(() -> check(config, master), master);
        }
    }

    @Test
    void aLocalWorkDirIsRefusedForExecutorsElsewhere() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> check(config("train.strategy=averaging"), "spark://node1:7077"));
        assertTrue(e.getMessage().contains("train.averaging.work-dir: is 'work/tmp', on this machine's disk"),
                e.getMessage());
        assertTrue(e.getMessage().contains("hdfs://"), e.getMessage());
        assertTrue(e.getMessage().contains("train.averaging.approach = direct"), e.getMessage());
    }

    @Test
    void sharedFilesystemsDirectApproachAndLocalStrategyNeedNoSharedDisk() {
        assertDoesNotThrow(() -> check(config("train.averaging.work-dir=\"hdfs://namenode:8020/tmp\""), "yarn"));
        assertDoesNotThrow(() -> check(config("train.strategy=averaging", "train.averaging.approach=direct"), "yarn"));
        assertDoesNotThrow(() -> check(config("train.strategy=local"), "yarn"));
    }

    @Test
    void gradientSharingAlwaysExportsSoItNeedsASharedWorkDirToo() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> check(config("train.strategy=sharing", "train.averaging.approach=direct"), "yarn"));
        assertTrue(e.getMessage().contains("train.averaging.work-dir: is 'work/tmp'"), e.getMessage());
        assertTrue(!e.getMessage().contains("approach = direct"), "direct is no way out for sharing: " + e.getMessage());
    }
}
