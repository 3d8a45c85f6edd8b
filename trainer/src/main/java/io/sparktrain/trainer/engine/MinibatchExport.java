package io.sparktrain.trainer.engine;

import io.sparktrain.pipeline.fs.HadoopConf;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The training minibatches written once as files under a directory of this run, for every epoch
 * to read back (dl4j-spark's "export" approach, which trains several times faster than
 * recomputing them).
 *
 * <p>Done here rather than by dl4j-spark's {@code fit(JavaRDD<DataSet>)} because its export
 * refuses every non-local master whenever Hadoop's default filesystem is {@code file:}, even when
 * the export directory is on HDFS or S3, or when every executor shares this machine's disk (the
 * standalone cluster of {@code scripts/cluster}). Whether executors can share the directory is
 * checked before Spark starts ({@code io.sparktrain.trainer.job.WorkDirCheck}).
 */
final class MinibatchExport {
    private final JavaSparkContext sc;
    private final Path dir;
    private JavaRDD<DataSet> exported;
    private JavaRDD<String> paths;

    /** @param dir where the files go; the owner deletes it when training ends */
    MinibatchExport(JavaSparkContext sc, Path dir) {
        this.sc = sc;
        this.dir = dir;
    }

    /** Paths of the minibatch files of {@code batches}, written on the first call (on the executors). */
    JavaRDD<String> paths(JavaRDD<DataSet> batches) {
        if (paths == null) {
            List<String> files = batches.mapPartitionsWithIndex(
                    new ExportMinibatches(dir.toString(), new HadoopConf(sc.hadoopConfiguration())), true).collect();
            exported = batches;
            paths = sc.parallelize(files);
        } else if (exported.id() != batches.id()) {
            throw new IllegalStateException("minibatches of RDD " + exported.id() + " were exported; train every epoch"
                    + " on that same RDD, not on RDD " + batches.id());
        }
        return paths;
    }
}
