package io.sparktrain.trainer.engine;

import io.sparktrain.pipeline.fs.HadoopConf;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function2;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Writes one partition's minibatches as files in DL4J's {@code DataSet.save} format (what
 * dl4j-spark's loaders read) and hands each one to this JVM's {@link HeldMinibatchLoader.Store}, so
 * the first epoch trains on them without reading them back.
 *
 * <p>Files on this machine's disk are written with {@code java.nio}: Hadoop's local filesystem forks
 * a {@code chmod} process for every file it creates (and its checksum file) when Hadoop's native
 * library is absent, which cost seconds for MNIST's 469 minibatches.
 */
final class ExportMinibatches implements Function2<Integer, Iterator<DataSet>, Iterator<String>> {
    private static final long serialVersionUID = 1L;

    private final String exportDir;
    private final HadoopConf hadoopConf;

    /** @param exportDir the run's export directory; files go to its {@code data} folder */
    ExportMinibatches(String exportDir, HadoopConf hadoopConf) {
        this.exportDir = exportDir;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public Iterator<String> call(Integer partition, Iterator<DataSet> batches) throws IOException {
        Path dataDir = new Path(exportDir, "data");
        FileSystem fs = dataDir.getFileSystem(hadoopConf.get());
        List<String> paths = new ArrayList<>();
        long budget = HeldMinibatchLoader.budgetBytes();
        for (int i = 0; batches.hasNext(); i++) {
            DataSet batch = batches.next();
            Path file = fs.makeQualified(new Path(dataDir, "minibatch_" + partition + "_" + i + ".bin"));
            String path = file.toString();
            try (OutputStream out = new BufferedOutputStream(open(fs, file), 1 << 16)) {
                batch.save(out);
            }
            HeldMinibatchLoader.Store.JVM.keep(exportDir, path, batch, budget);
            paths.add(path);
        }
        return paths.iterator();
    }

    /** @param file a path qualified by {@code fs} */
    private static OutputStream open(FileSystem fs, Path file) throws IOException {
        if (fs instanceof LocalFileSystem) {
            java.nio.file.Path local = Paths.get(file.toUri());
            Files.createDirectories(local.getParent());
            return Files.newOutputStream(local);
        }
        return fs.create(file, false);
    }
}
