package io.sparktrain.pipeline.source;

import io.sparktrain.pipeline.fs.HadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Documents stored one per file under a folder per class ({@code root/spam/0001.txt}), the layout
 * of most text corpora. The driver lists the files and the executors read them (compressed ones
 * through their Hadoop codec, bytes decoded as UTF-8); the label is the name of the folder a file is in.
 *
 * <p>Why not {@code wholeTextFiles}: its input format asks every local file for its permissions, which
 * Hadoop without its native library does by running {@code ls -ld} once per file; the 6,046 e-mails of
 * the SpamAssassin corpus took about 40 s to list that way on each pass. A plain listing asks for
 * names and sizes only.
 */
public final class TextFolderSource {
    public static final String PATH_COL = "path";
    public static final String TEXT_COL = "text";
    public static final String LABEL_COL = "label_name";

    private static final StructType SCHEMA = new StructType()
            .add(PATH_COL, DataTypes.StringType, false)
            .add(TEXT_COL, DataTypes.StringType, false)
            .add(LABEL_COL, DataTypes.StringType, false);

    private final SparkSession spark;

    public TextFolderSource(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * @param root       folder holding one sub-folder per class (any Hadoop URI)
     * @param partitions minimum partitions to read into; 0 = Spark's default parallelism
     */
    public Dataset<Row> read(String root, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());
        List<String> files = documentFiles(root, conf.get());
        if (files.isEmpty()) {
            throw new DataSourceException(root + " holds no documents; expected one folder per class with one"
                    + " document per file, e.g. " + root.replaceAll("/*$", "") + "/spam/0001.txt");
        }
        int slices = Math.min(files.size(), partitions > 0 ? partitions : sc.defaultParallelism());
        JavaRDD<Row> rows = sc.parallelize(files, slices)
                .map(file -> RowFactory.create(file, readDocument(new Path(file), conf.get()),
                        new Path(file).getParent().getName()));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * The files in the class folders under {@code root} (a glob, as Hadoop paths may be), and any file
     * directly under it, as qualified paths; names starting with '.' or '_' are skipped as Hadoop's input
     * formats skip them.
     */
    static List<String> documentFiles(String root, Configuration conf) {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = rootPath.getFileSystem(conf);
            FileStatus[] roots = fs.globStatus(rootPath);
            List<String> files = new ArrayList<>();
            for (FileStatus top : roots == null ? new FileStatus[0] : roots) {
                for (FileStatus entry : visible(fs.listStatus(top.getPath()))) {
                    if (entry.isFile()) {
                        files.add(entry.getPath().toString());
                        continue;
                    }
                    for (FileStatus document : visible(fs.listStatus(entry.getPath()))) {
                        if (document.isDirectory()) {
                            throw new DataSourceException(document.getPath() + " is a folder inside the class folder "
                                    + entry.getPath() + "; each class folder holds its documents as files directly");
                        }
                        files.add(document.getPath().toString());
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new DataSourceException("cannot list the documents under " + root + ": " + e.getMessage(), e);
        }
    }

    private static List<FileStatus> visible(FileStatus[] entries) {
        List<FileStatus> kept = new ArrayList<>();
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) {
                kept.add(entry);
            }
        }
        return kept;
    }

    private static String readDocument(Path file, Configuration conf) {
        try {
            FileSystem fs = file.getFileSystem(conf);
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
            try (InputStream in = codec == null ? fs.open(file) : codec.createInputStream(fs.open(file))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document " + file + ": " + e.getMessage(), e);
        }
    }
}
