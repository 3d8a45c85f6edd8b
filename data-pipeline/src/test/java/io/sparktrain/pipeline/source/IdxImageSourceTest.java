package io.sparktrain.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import io.sparktrain.pipeline.testing.TestData;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@LocalSpark(threads = 2)
class IdxImageSourceTest {
    private static SparkSession spark;

    private static String uri(String resource) {
        return TestData.resource(resource).toURI().toString();
    }

    @Test
    void tinyFileGivesHandComputedScaledPixelsAndLabelsInOrder() {
        Dataset<Row> rows = new IdxImageSource(spark)
                .read(uri("idx/tiny-images-idx3-ubyte"), uri("idx/tiny-labels-idx1-ubyte"), 2);
        List<Row> all = rows.collectAsList();
        assertEquals(3, all.size());
        assertEquals(List.of(7.0, 0.0, 9.0), all.stream().map(r -> r.getDouble(0)).toList());
        assertArrayEquals(new double[] {0.0, 1.0, 0.2, 0.4}, ((Vector) all.get(0).get(1)).toArray(), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0, 0.0, 0.0}, ((Vector) all.get(1).get(1)).toArray(), 1e-12);
        assertArrayEquals(new double[] {1 / 255.0, 2 / 255.0, 3 / 255.0, 4 / 255.0},
                ((Vector) all.get(2).get(1)).toArray(), 1e-12);
    }

    @Test
    void imagesWithoutLabelsCarryTheirRecordIndexForScoring() {
        List<Row> all = new IdxImageSource(spark).readImages(uri("idx/tiny-images-idx3-ubyte"), 2).collectAsList();
        assertEquals(List.of(0L, 1L, 2L), all.stream().map(r -> r.getLong(1)).toList());
        assertArrayEquals(new double[] {1.0, 1.0, 0.0, 0.0}, ((Vector) all.get(1).get(0)).toArray(), 1e-12);
    }

    @Test
    void slicesCoverEveryRecordExactlyOnce() {
        List<IdxImageSource.Slice> slices = IdxImageSource.slices(10, 3);
        assertEquals(List.of(0L, 3L, 6L), slices.stream().map(IdxImageSource.Slice::first).toList());
        assertEquals(List.of(3, 3, 4), slices.stream().map(IdxImageSource.Slice::count).toList());
        assertEquals(2, IdxImageSource.slices(2, 8).size(), "never more slices than records");
    }

    @Test
    void realMnistTestSetIsReadOnTheExecutorsInTheRequestedPartitions() {
        Dataset<Row> rows = new IdxImageSource(spark).read(
                TestData.mnist("t10k-images-idx3-ubyte").toURI().toString(),
                TestData.mnist("t10k-labels-idx1-ubyte").toURI().toString(), 4);
        assertEquals(4, rows.javaRDD().getNumPartitions());
        assertEquals(10_000, rows.count());
        Row first = rows.first();
        assertEquals(7.0, first.getDouble(0), "the first MNIST test digit is a 7");
        double[] pixels = ((Vector) first.get(1)).toArray();
        assertEquals(784, pixels.length);
        assertTrue(java.util.Arrays.stream(pixels).allMatch(p -> p >= 0 && p <= 1));
        assertEquals(1.0, java.util.Arrays.stream(pixels).max().orElseThrow(), 1e-12);
        Metadata meta = rows.schema().apply(IdxImageSource.FEATURES_COL).metadata();
        assertEquals(28, meta.getLong(IdxImageSource.META_HEIGHT));
        assertEquals(28, meta.getLong(IdxImageSource.META_WIDTH));
        List<Row> counts = rows.groupBy("label").count().orderBy("label").collectAsList();
        assertEquals(10, counts.size());
        assertEquals(980, counts.get(0).getLong(1), "the MNIST test set has 980 zeros");
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRejectedNamingBothFiles() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> new IdxImageSource(spark)
                .read(uri("idx/tiny-images-idx3-ubyte"), uri("idx/short-labels-idx1-ubyte"), 2));
        assertTrue(e.getMessage().contains("holds 3 images"), e.getMessage());
        assertTrue(e.getMessage().contains("short-labels-idx1-ubyte holds 2 labels"), e.getMessage());
    }

    @Test
    void swappedImagesAndLabelsAreRejected() {
        DataSourceException e = assertThrows(DataSourceException.class, () -> new IdxImageSource(spark)
                .read(uri("idx/tiny-labels-idx1-ubyte"), uri("idx/tiny-images-idx3-ubyte"), 2));
        assertTrue(e.getMessage().contains("Are images and labels swapped?"), e.getMessage());
    }

    @Test
    void missingFileIsRejectedWithTheFetchCommand() {
        String missing = TestData.resource("idx").toURI() + "no-such-file";
        DataSourceException e = assertThrows(DataSourceException.class, () -> new IdxImageSource(spark)
                .read(missing, uri("idx/tiny-labels-idx1-ubyte"), 2));
        assertTrue(e.getMessage().contains("no-such-file does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("scripts/fetch-data mnist"), e.getMessage());
    }

    @Test
    void aFileCutShortAfterItsHeaderWasReadFailsTheTaskNamingTheFile(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("cut-images-idx3-ubyte");
        Files.copy(TestData.resource("idx/tiny-images-idx3-ubyte").toPath(), images);
        Dataset<Row> rows = new IdxImageSource(spark).readImages(images.toUri().toString(), 1);
        // The last image loses its last pixel after the driver checked the header.
        try (FileChannel file = FileChannel.open(images, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(images) - 1);
        }
        Exception e = assertThrows(Exception.class, rows::collectAsList);
        assertTrue(String.valueOf(e.getMessage()).contains("IDX file " + images.toUri() + " ended early"), e.getMessage());
    }
}
