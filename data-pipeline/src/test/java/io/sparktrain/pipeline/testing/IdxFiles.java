package io.sparktrain.pipeline.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/** Writes the first N records of a real IDX file as a new, valid IDX file: a small slice for fast tests. */
public final class IdxFiles {
    private IdxFiles() {
    }

    public static File slice(File source, File target, int count) throws IOException {
        try (DataInputStream in = new DataInputStream(new FileInputStream(source));
                DataOutputStream out = new DataOutputStream(new FileOutputStream(target))) {
            int magic = in.readInt();
            int rank = magic & 0xFF;
            out.writeInt(magic);
            int itemSize = 1;
            int total = in.readInt();
            if (count > total) {
                throw new IllegalArgumentException(source + " holds only " + total + " records, not " + count);
            }
            out.writeInt(count);
            for (int i = 1; i < rank; i++) {
                int dim = in.readInt();
                itemSize *= dim;
                out.writeInt(dim);
            }
            byte[] data = new byte[count * itemSize];
            in.readFully(data);
            out.write(data);
        }
        return target;
    }
}
