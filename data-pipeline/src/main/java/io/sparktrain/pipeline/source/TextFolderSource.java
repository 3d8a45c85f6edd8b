package io.sparktrain.pipeline.source;

import java.util.List;
import org.apache.hadoop.fs.Path;
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
 * of most text corpora. Files are read on the executors ({@code wholeTextFiles}); the label is the
 * name of the folder a file is in.
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
        String glob = root.endsWith("/") ? root + "*" : root + "/*";
        JavaRDD<Row> rows = sc.wholeTextFiles(glob, partitions > 0 ? partitions : sc.defaultParallelism())
                .map(file -> RowFactory.create(file._1(), file._2(), new Path(file._1()).getParent().getName()));
        Dataset<Row> documents = spark.createDataFrame(rows, SCHEMA);
        List<Row> first = documents.limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new DataSourceException(root + " holds no documents; expected one folder per class with one"
                    + " document per file, e.g. " + glob.replace("*", "spam/0001.txt"));
        }
        return documents;
    }
}
