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
    private final boolean noLoneLastRow;
    private final Function<List<Row>, T> toBatch;
    /** A row read ahead to see whether it was the partition's last; it starts the next batch. */
    private Row ahead;

    private RowBatches(Iterator<Row> rows, int batchSize, boolean noLoneLastRow, Function<List<Row>, T> toBatch) {
        this.rows = rows;
        this.batchSize = batchSize;
        this.noLoneLastRow = noLoneLastRow;
        this.toBatch = toBatch;
    }

    static <T> Iterator<T> of(Iterator<Row> rows, int batchSize, Function<List<Row>, T> toBatch) {
        return new RowBatches<>(rows, batchSize, false, toBatch);
    }

    /**
     * As {@link #of}, but a partition's last row never makes a minibatch of its own when full
     * minibatches came before it: it joins the one before (batchSize + 1 rows).
     */
    static <T> Iterator<T> withoutLoneLastRow(Iterator<Row> rows, int batchSize, Function<List<Row>, T> toBatch) {
        return new RowBatches<>(rows, batchSize, true, toBatch);
    }

    static void checkSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }

    @Override
    public boolean hasNext() {
        return ahead != null || rows.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Row> batch = new ArrayList<>(batchSize + 1);
        if (ahead != null) {
            batch.add(ahead);
            ahead = null;
        }
        while (rows.hasNext() && batch.size() < batchSize) {
            batch.add(rows.next());
        }
        if (noLoneLastRow && rows.hasNext()) {
            Row next = rows.next();
            if (rows.hasNext()) {
                ahead = next;
            } else {
                batch.add(next);
            }
        }
        return toBatch.apply(batch);
    }
}
