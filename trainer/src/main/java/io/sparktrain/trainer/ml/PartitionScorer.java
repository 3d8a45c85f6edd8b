package io.sparktrain.trainer.ml;

import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.pipeline.batch.InferenceBatch;
import io.sparktrain.trainer.engine.NativeThreads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores one partition in minibatches with the broadcast network: each output row is the input
 * row with the prediction columns appended. Batches are scored lazily as Spark pulls rows, so a
 * partition is never held whole.
 */
final class PartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<NetworkBlob> network;
    private final StructType inputSchema;
    private final FeatureSpec features;
    private final int batchSize;
    private final PredictionColumns columns;
    private final int threads;

    /** @param threads native threads per scoring task, so concurrent tasks do not oversubscribe the cores */
    PartitionScorer(Broadcast<NetworkBlob> network, StructType inputSchema, FeatureSpec features, int batchSize,
            PredictionColumns columns, int threads) {
        this.network = network;
        this.inputSchema = inputSchema;
        this.features = features;
        this.batchSize = batchSize;
        this.columns = columns;
        this.threads = threads;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        NativeThreads.limitTo(threads);
        Iterator<InferenceBatch> batches = InferenceBatch.of(rows, inputSchema, features, batchSize);
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && batches.hasNext()) {
                    current = score(batches.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                hasNext();
                return current.next();
            }
        };
    }

    private List<Row> score(InferenceBatch batch) {
        INDArray output = network.value().network().output(batch.features(), batch.mask());
        List<Row> out = new ArrayList<>(batch.rows().size());
        for (int i = 0; i < batch.rows().size(); i++) {
            Row row = batch.rows().get(i);
            List<Object> values = new ArrayList<>(row.size() + 4);
            for (int c = 0; c < row.size(); c++) {
                values.add(row.get(c));
            }
            values.addAll(columns.values(output, i));
            out.add(RowFactory.create(values.toArray()));
        }
        return out;
    }
}
