package io.sparktrain.pipeline.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.TestData;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class IdxHeaderTest {

    private static IdxHeader read(File file) throws IOException {
        try (InputStream in = new FileInputStream(file)) {
            return IdxHeader.read(file.getPath(), in, file.length());
        }
    }

    @Test
    void realMnistTrainingImagesHave60000ImagesOf28By28() throws IOException {
        IdxHeader header = read(TestData.mnist("train-images-idx3-ubyte"));
        assertArrayEquals(new int[] {60_000, 28, 28}, header.dimensions());
        assertEquals(784, header.itemSize());
        assertEquals(16, header.dataOffset());
    }

    @Test
    void realMnistLabelFilesMatchTheirImageCounts() throws IOException {
        assertEquals(60_000, read(TestData.mnist("train-labels-idx1-ubyte")).itemCount());
        assertEquals(1, read(TestData.mnist("train-labels-idx1-ubyte")).itemSize());
        assertEquals(10_000, read(TestData.mnist("t10k-images-idx3-ubyte")).itemCount());
        assertEquals(10_000, read(TestData.mnist("t10k-labels-idx1-ubyte")).itemCount());
    }

    @Test
    void truncatedFileIsReportedWithItsLengths() {
        File file = TestData.resource("idx/truncated-images-idx3-ubyte");
        DataSourceException e = assertThrows(DataSourceException.class, () -> read(file));
        assertTrue(e.getMessage().contains(file.getPath()), e.getMessage());
        assertTrue(e.getMessage().contains("declares 3 items of 4 bytes (28 bytes with the header) but is 26 bytes long"),
                e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void gzippedFileIsReportedAsNotIdxWithTheFix() {
        File file = TestData.resource("idx/gzipped-images-idx3-ubyte");
        DataSourceException e = assertThrows(DataSourceException.class, () -> read(file));
        assertTrue(e.getMessage().contains("magic number 0x1f8b08"), e.getMessage());
        assertTrue(e.getMessage().contains("Gunzip"), e.getMessage());
    }

    @Test
    void headerCutShortIsReported() {
        File file = TestData.resource("idx/cut-header-idx3-ubyte");
        DataSourceException e = assertThrows(DataSourceException.class, () -> read(file));
        assertTrue(e.getMessage().contains("is 9 bytes long but its header alone needs 16 bytes"), e.getMessage());
    }

    @Test
    void zeroDimensionIsReported() {
        File file = TestData.resource("idx/zero-dim-idx3-ubyte");
        DataSourceException e = assertThrows(DataSourceException.class, () -> read(file));
        assertTrue(e.getMessage().contains("dimension 1 = 0"), e.getMessage());
    }
}
