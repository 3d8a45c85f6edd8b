package io.sparktrain.pipeline.source;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The header of an IDX file (the format MNIST ships in): unsigned-byte items of a fixed shape.
 * Parsing it on the driver lets every executor seek straight to its own slice of records.
 *
 * @param uri        the file, for error messages
 * @param dimensions size of every dimension; the first is the number of items
 * @param fileLength length of the file in bytes, checked against the header
 */
public record IdxHeader(String uri, int[] dimensions, long fileLength) implements Serializable {

    /** The only element type sparktrain reads: 0x08 = unsigned byte (pixels and labels). */
    public static final int UNSIGNED_BYTE = 0x08;

    public IdxHeader {
        dimensions = dimensions.clone();
    }

    public int itemCount() {
        return dimensions[0];
    }

    /** Bytes per item: the product of every dimension after the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size = Math.multiplyExact(size, dimensions[i]);
        }
        return size;
    }

    /** Offset of the first item: 4 bytes of magic number then 4 bytes per dimension. */
    public long dataOffset() {
        return 4L + 4L * dimensions.length;
    }

    /** Item shape without the leading count, e.g. [28, 28] for MNIST images, [] for labels. */
    public int[] itemShape() {
        return Arrays.copyOfRange(dimensions, 1, dimensions.length);
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }

    /**
     * Reads and checks a header. The stream is left positioned at the first item.
     *
     * @throws DataSourceException naming the file, the bad value and the expected one
     */
    public static IdxHeader read(String uri, InputStream in, long fileLength) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (fileLength < 4) {
            throw new DataSourceException("IDX file " + uri + " is " + fileLength
                    + " bytes long, too short for a header; re-fetch it (e.g. scripts/fetch-data mnist)");
        }
        int zero = data.readUnsignedShort();
        int type = data.readUnsignedByte();
        int rank = data.readUnsignedByte();
        if (zero != 0 || type != UNSIGNED_BYTE || rank < 1 || rank > 4) {
            throw new DataSourceException(String.format(
                    "IDX file %s has magic number 0x%04x%02x%02x; expected 0x000008NN (unsigned bytes, 1-4 dimensions)."
                            + " Is it an IDX file, and not gzipped? Gunzip .gz files first.",
                    uri, zero, type, rank));
        }
        long headerLength = 4L + 4L * rank;
        if (fileLength < headerLength) {
            throw new DataSourceException("IDX file " + uri + " is " + fileLength + " bytes long but its header alone needs "
                    + headerLength + " bytes; the file is truncated, re-fetch it");
        }
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = data.readInt();
            if (dims[i] <= 0) {
                throw new DataSourceException("IDX file " + uri + " declares dimension " + i + " = " + dims[i]
                        + "; every dimension must be positive");
            }
        }
        IdxHeader header = new IdxHeader(uri, dims, fileLength);
        long expected = header.dataOffset() + (long) header.itemCount() * header.itemSize();
        if (expected != fileLength) {
            throw new DataSourceException("IDX file " + uri + " declares " + header.itemCount() + " items of "
                    + header.itemSize() + " bytes (" + expected + " bytes with the header) but is " + fileLength
                    + " bytes long; the file is " + (fileLength < expected ? "truncated" : "longer than its header says")
                    + ", re-fetch it");
        }
        return header;
    }
}
