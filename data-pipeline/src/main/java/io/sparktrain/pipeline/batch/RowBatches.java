package io.sparktrain.pipeline.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;

/**
 * Groups one partition's rows into minibatches of at most batchSize, lazily, so a partition is
 * never held whole: each group is turned into its batch as the consumer asks for it.
 */
final class RowBatches<T> implements Iterator<T> {
    private final Iterator<Row> rows;
    private final int batchSize;
    private final Function<List<Row>, T> toBatch;

    private RowBatches(Iterator<Row> rows, int batchSize, Function<List<Row>, T> toBatch) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.toBatch = toBatch;
    }

    static <T> Iterator<T> of(Iterator<Row> rows, int batchSize, Function<List<Row>, T> toBatch) {
        return new RowBatches<>(rows, batchSize, toBatch);
    }

    static void checkSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public T next() {
        if (!rows.hasNext()) {
            throw new NoSuchElementException();
        }
        List<Row> batch = new ArrayList<>(batchSize);
        while (rows.hasNext() && batch.size() < batchSize) {
            batch.add(rows.next());
        }
        return toBatch.apply(batch);
    }
}
