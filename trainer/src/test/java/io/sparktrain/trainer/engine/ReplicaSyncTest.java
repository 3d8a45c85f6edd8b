package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.testing.TrainerSpark;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient sharing's replicas are brought back to the driver's parameters when an epoch starts:
 * the sync travels to a Spark task, overwrites the replica it is given, and reports the drift it
 * found to the driver.
 */
@LocalSpark(threads = 1, factory = TrainerSpark.class)
class ReplicaSyncTest {
    @Test
    void aTaskSetsItsReplicaToTheDriversParametersAndReportsTheDrift(SparkSession spark) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        INDArray driver = EngineFixtures.smallNetwork("relu", 1).params();
        INDArray drifted = EngineFixtures.smallNetwork("relu", 2).params();
        assertNotEquals(driver, drifted, "two seeds give two networks");
        double drift = drifted.distance2(driver) / driver.norm2Number().doubleValue();

        ReplicaSync sync = ReplicaSync.forEpoch(sc, driver, "run#2");
        List<INDArray> synced = sc.parallelize(List.of(2L), 1).map(seed -> {
            Network.Stack replica = (Network.Stack) EngineFixtures.smallNetwork("relu", seed);
            sync.syncToDriver(replica.network());
            return replica.params();
        }).collect();
        sync.release();

        assertEquals(driver, synced.get(0), "the replica trains on from the driver's parameters");
        assertEquals(drift, sync.largestDrift(), 1e-6, "the driver learns how far the replica had drifted");
    }

    @Test
    void dl4jsSharingWrapperHasTheFieldsTheSyncReads() {
        // Empty or not depends on whether this JVM ran a sharing job; another DL4J version fails here.
        assertDoesNotThrow(SharingReplica::inThisJvm);
    }
}
