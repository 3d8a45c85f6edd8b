package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparktrain.config.Strategy;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ThreadPlanTest {
    private static int plan(String master, Strategy strategy, int cores) {
        return ThreadPlan.threadsPerTask(0, strategy, new SparkConf(false).setMaster(master), cores);
    }

    @Test
    void localModeSharesTheMachinesCoresAmongItsTasks() {
        assertEquals(1, plan("local[*]", Strategy.AVERAGING, 2));
        assertEquals(1, plan("local[2]", Strategy.AVERAGING, 2));
        assertEquals(4, plan("local[2]", Strategy.AVERAGING, 8));
        assertEquals(2, plan("local[1]", Strategy.AVERAGING, 2));
        assertEquals(1, plan("local[4]", Strategy.AVERAGING, 2), "never below one thread");
    }

    @Test
    void localStrategyTrainsInOneDriverThreadWithEveryCore() {
        assertEquals(8, plan("local[*]", Strategy.LOCAL, 8));
    }

    @Test
    void clusterTasksGetTheirSparkTaskCpus() {
        assertEquals(1, plan("spark://127.0.0.1:7077", Strategy.AVERAGING, 16));
        SparkConf conf = new SparkConf(false).setMaster("yarn").set("spark.task.cpus", "4");
        assertEquals(4, ThreadPlan.threadsPerTask(0, Strategy.AVERAGING, conf, 16));
    }

    @Test
    void configuredThreadsWin() {
        assertEquals(3, ThreadPlan.threadsPerTask(3, Strategy.AVERAGING, new SparkConf(false).setMaster("local[*]"), 2));
    }
}
