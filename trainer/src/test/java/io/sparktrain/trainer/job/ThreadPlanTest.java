package io.sparktrain.trainer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ThreadPlanTest {
    private static int plan(String master, String strategy, int cores) {
        return ThreadPlan.threadsPerTask(0, strategy, new SparkConf(false).setMaster(master), cores);
    }

    @Test
    void localModeSharesTheMachinesCoresAmongItsTasks() {
        assertEquals(1, plan("local[*]", "averaging", 2));
        assertEquals(1, plan("local[2]", "averaging", 2));
        assertEquals(4, plan("local[2]", "averaging", 8));
        assertEquals(2, plan("local[1]", "averaging", 2));
        assertEquals(1, plan("local[4]", "averaging", 2), "never below one thread");
    }

    @Test
    void localStrategyTrainsInOneDriverThreadWithEveryCore() {
        assertEquals(8, plan("local[*]", "local", 8));
    }

    @Test
    void clusterTasksGetTheirSparkTaskCpus() {
        assertEquals(1, plan("spark://127.0.0.1:7077", "averaging", 16));
        SparkConf conf = new SparkConf(false).setMaster("yarn").set("spark.task.cpus", "4");
        assertEquals(4, ThreadPlan.threadsPerTask(0, "averaging", conf, 16));
    }

    @Test
    void configuredThreadsWin() {
        assertEquals(3, ThreadPlan.threadsPerTask(3, "averaging", new SparkConf(false).setMaster("local[*]"), 2));
    }
}
