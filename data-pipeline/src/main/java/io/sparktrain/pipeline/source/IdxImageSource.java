package io.sparktrain.pipeline.source;

import io.sparktrain.pipeline.fs.HadoopConf;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Reads a pair of IDX files (images and labels, as MNIST ships them) from any Hadoop filesystem
 * into a DataFrame of {@code label: double, features: vector} with pixels scaled to [0, 1].
 *
 * <p>Only the headers are read on the driver. Each Spark task then opens both files itself, seeks
 * to its own range of records and reads it record by record, so the data never passes through the
 * driver and a task never holds more than one record of it.
 */
public final class IdxImageSource {
    public static final String LABEL_COL = "label";
    public static final String FEATURES_COL = "features";
    /** Record number of the image in its file, from 0: an id that scoring output passes through. */
    public static final String INDEX_COL = "index";

    /** Features-column metadata keys recording the image shape, for networks that need it. */
    public static final String META_HEIGHT = "height";
    public static final String META_WIDTH = "width";
    public static final String META_CHANNELS = "channels";

    private final SparkSession spark;

    public IdxImageSource(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * A contiguous range of records that one task reads. A class, not a record: RDD elements go
     * through Kryo, which cannot build records.
     */
    static final class Slice implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long first;
        private final int count;

        Slice(long first, int count) {
            this.first = first;
            this.count = count;
        }

        long first() {
            return first;
        }

        int count() {
            return count;
        }
    }

    /**
     * @param imagesUri  IDX file of images: unsigned bytes, dimensions [count, height, width]
     * @param labelsUri  IDX file of labels: unsigned bytes, dimensions [count]; columns label, features, index
     * @param partitions number of partitions (tasks) to read with; 0 or less means Spark's default parallelism
     */
    public Dataset<Row> read(String imagesUri, String labelsUri, int partitions) {
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        IdxHeader images = readHeader(imagesUri, conf);
        IdxHeader labels = readHeader(labelsUri, conf);
        checkPair(images, labels);
        return read(images, labels, conf, partitions);
    }

    /**
     * Images without labels, e.g. to score: columns {@value #FEATURES_COL} and {@value #INDEX_COL}.
     *
     * @param partitions number of partitions; 0 or less means Spark's default parallelism
     */
    public Dataset<Row> readImages(String imagesUri, int partitions) {
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        IdxHeader images = readHeader(imagesUri, conf);
        if (images.dimensions().length < 2) {
            throw new DataSourceException("IDX file " + images.uri() + " has " + images.dimensions().length
                    + " dimension; an image file needs [count, height, width(, channels)]. Is it a label file?");
        }
        return read(images, null, conf, partitions);
    }

    private Dataset<Row> read(IdxHeader images, IdxHeader labels, HadoopConf conf, int partitions) {
        int parts = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
        List<Slice> slices = slices(images.itemCount(), parts);
        JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(slices, slices.size())
                .mapPartitions(it -> readSlices(it, images, labels, conf));
        StructType schema = schema(images);
        return spark.createDataFrame(rows, labels == null ? new StructType(new StructField[] {
            schema.apply(FEATURES_COL), schema.apply(INDEX_COL)}) : schema);
    }

    /**
     * The schema this source produces for labelled images; the features column carries the image
     * shape as metadata.
     */
    public static StructType schema(IdxHeader images) {
        int[] shape = images.itemShape();
        Metadata meta = new MetadataBuilder()
                .putLong(META_HEIGHT, shape.length > 0 ? shape[0] : 1)
                .putLong(META_WIDTH, shape.length > 1 ? shape[1] : 1)
                .putLong(META_CHANNELS, shape.length > 2 ? shape[2] : 1)
                .build();
        return new StructType(new StructField[] {
            new StructField(LABEL_COL, DataTypes.DoubleType, false, Metadata.empty()),
            new StructField(FEATURES_COL, SQLDataTypes.VectorType(), false, meta),
            new StructField(INDEX_COL, DataTypes.LongType, false, Metadata.empty())
        });
    }

    /** Reads and checks the header of one IDX file. */
    public static IdxHeader readHeader(String uri, HadoopConf conf) {
        Path path = new Path(uri);
        try {
            FileSystem fs = path.getFileSystem(conf.get());
            if (!fs.exists(path)) {
                throw new DataSourceException("IDX file " + uri + " does not exist; check the path in the config"
                        + " (for MNIST run scripts/fetch-data mnist)");
            }
            long length = fs.getFileStatus(path).getLen();
            try (FSDataInputStream in = fs.open(path)) {
                return IdxHeader.read(uri, in, length);
            }
        } catch (IOException e) {
            throw new DataSourceException("cannot read IDX file " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Checks that an images file and a labels file belong together: shapes, and one label per image. */
    public static void checkPair(IdxHeader images, IdxHeader labels) {
        if (images.dimensions().length < 2) {
            throw new DataSourceException("IDX file " + images.uri() + " has " + images.dimensions().length
                    + " dimension; an image file needs [count, height, width(, channels)]. Are images and labels swapped?");
        }
        if (labels.dimensions().length != 1) {
            throw new DataSourceException("IDX file " + labels.uri() + " has " + labels.dimensions().length
                    + " dimensions; a label file needs exactly one [count]. Are images and labels swapped?");
        }
        if (images.itemCount() != labels.itemCount()) {
            throw new DataSourceException("IDX image file " + images.uri() + " holds " + images.itemCount()
                    + " images but label file " + labels.uri() + " holds " + labels.itemCount()
                    + " labels; they must be the same count (are they from the same split?)");
        }
    }

    static List<Slice> slices(int total, int parts) {
        int n = Math.max(1, Math.min(parts, total));
        List<Slice> slices = new ArrayList<>(n);
        long first = 0;
        for (int i = 0; i < n; i++) {
            int count = (int) ((long) total * (i + 1) / n - first);
            slices.add(new Slice(first, count));
            first += count;
        }
        return slices;
    }

    /**
     * The rows of a task's slices, read record by record as Spark pulls them, so a task holds one
     * image at a time rather than its whole range: two tasks of 510,000 images each, held as rows,
     * needed 6.4 GB at once and ran out of a 6 GB heap scoring 1,020,000 images.
     */
    private static Iterator<Row> readSlices(Iterator<Slice> slices, IdxHeader images, IdxHeader labels, HadoopConf conf) {
        SliceRecords records = new SliceRecords(slices, images, labels, conf);
        TaskContext task = TaskContext.get();
        if (task != null) {
            // A consumer that stops early (a limit, a failed task) still closes the files.
            task.addTaskCompletionListener((TaskCompletionListener) context -> records.close());
        }
        return records;
    }

    /** Reads the records of one slice after another, each file opened once per slice at its offset. */
    private static final class SliceRecords implements Iterator<Row>, Closeable {
        private static final int BUFFER = 1 << 20;
        private final Iterator<Slice> slices;
        private final IdxHeader images;
        private final IdxHeader labels;
        private final HadoopConf conf;
        private final byte[] pixels;
        private final byte[] label = new byte[1];
        private InputStream imagesIn;
        private InputStream labelsIn;
        private long index;
        private int remaining;

        SliceRecords(Iterator<Slice> slices, IdxHeader images, IdxHeader labels, HadoopConf conf) {
            this.slices = slices;
            this.images = images;
            this.labels = labels;
            this.conf = conf;
            this.pixels = new byte[images.itemSize()];
        }

        @Override
        public boolean hasNext() {
            while (remaining == 0 && slices.hasNext()) {
                Slice slice = slices.next();
                close();
                imagesIn = open(images, slice);
                labelsIn = labels == null ? null : open(labels, slice);
                index = slice.first();
                remaining = slice.count();
            }
            if (remaining == 0) {
                close();
            }
            return remaining > 0;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                readFully(imagesIn, pixels, images.uri());
                double[] features = new double[pixels.length];
                for (int j = 0; j < pixels.length; j++) {
                    features[j] = (pixels[j] & 0xFF) / 255.0;
                }
                remaining--;
                long record = index++;
                if (labelsIn == null) {
                    return RowFactory.create(Vectors.dense(features), record);
                }
                readFully(labelsIn, label, labels.uri());
                return RowFactory.create((double) (label[0] & 0xFF), Vectors.dense(features), record);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read IDX file " + images.uri() + " at record " + index
                        + ": " + e.getMessage(), e);
            }
        }

        private InputStream open(IdxHeader header, Slice slice) {
            Path path = new Path(header.uri());
            try {
                FSDataInputStream in = path.getFileSystem(conf.get()).open(path);
                in.seek(header.dataOffset() + slice.first() * header.itemSize());
                return new BufferedInputStream(in, BUFFER);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open IDX file " + header.uri() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            closeQuietly(imagesIn);
            closeQuietly(labelsIn);
            imagesIn = null;
            labelsIn = null;
        }

        private static void closeQuietly(InputStream in) {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException e) {
                    // Read-only: every record already came through; nothing is lost by a failed close.
                }
            }
        }
    }

    private static void readFully(InputStream in, byte[] bytes, String uri) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            int n = in.read(bytes, done, bytes.length - done);
            if (n < 0) {
                throw new DataSourceException("IDX file " + uri + " ended early: its length changed since its header"
                        + " was checked on the driver; re-fetch it");
            }
            done += n;
        }
    }
}
