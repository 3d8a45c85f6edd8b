package io.sparktrain.trainer.storage;

import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train from, write the bundle to, and score from and to HDFS (an in-process MiniDFSCluster). */
class HdfsRoundTripIT {

    @Test
    void trainAndScoreThroughHdfs(@TempDir Path dir) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            hdfs.waitActive();
            String root = hdfs.getURI().toString() + "/";
            new StoreRoundTrip(root, Map.of(), hdfs.getConfiguration(0)).trainAndScore(dir);
        } finally {
            hdfs.shutdown();
        }
    }
}
