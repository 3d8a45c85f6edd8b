package io.sparktrain.trainer.engine;

import io.sparktrain.config.TrainSection;
import io.sparktrain.pipeline.batch.DataSetBatcher;
import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.split.Shuffle;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Turns prepared rows into what the {@link TrainingLoop} trains on, the same way for the CLI's
 * train job and for the Spark ML estimators: validation rows held out by seed when
 * {@code train.validation-fraction} asks for it, the training rows shuffled by seed (inputs grouped
 * by class would otherwise give minibatches of one class), every split batched on the executors,
 * each task capped to its share of native threads.
 *
 * @param threads native threads per training task
 */
public record TrainingRun(TrainSection train, long seed, int threads) {

    public TrainingLoop.Data data(DataSetBatcher batcher, Dataset<Row> trainRows, long trainExamples,
            Optional<Dataset<Row>> testRows, List<String> labels) {
        return data(batcher, trainRows, trainExamples, testRows, labels, UnaryOperator.identity());
    }

    /**
     * As above, with {@code rebalance} (a pipeline's class resampling) applied to the rows the
     * network trains on, after validation rows are held out: validation and test keep their real balance.
     */
    public TrainingLoop.Data data(DataSetBatcher batcher, Dataset<Row> trainRows, long trainExamples,
            Optional<Dataset<Row>> testRows, List<String> labels, UnaryOperator<Dataset<Row>> rebalance) {
        Optional<JavaRDD<DataSet>> validation = Optional.empty();
        if (train.validationFraction() > 0) {
            Dataset<Row> rows = trainRows;
            HoldOut holdOut = new HoldOut(train.validationFraction(), seed);
            HoldOut.Parts split = batcher.classColumn().map(column -> holdOut.splitStratified(rows, column))
                    .orElseGet(() -> holdOut.split(rows));
            trainRows = split.kept().cache();
            validation = Optional.of(batches(batcher, split.heldOut().cache()));
            trainExamples = trainRows.count();
        }
        Dataset<Row> rebalanced = rebalance.apply(trainRows);
        if (rebalanced != trainRows) {
            trainRows = rebalanced.cache();
            trainExamples = trainRows.count();
        }
        // seed + 1: a draw of its own, not the hold-out's.
        Dataset<Row> shuffled = new Shuffle(seed + 1).apply(trainRows);
        return new TrainingLoop.Data(batches(batcher, shuffled), trainExamples, validation,
                testRows.map(rows -> batches(batcher, rows)), labels);
    }

    private JavaRDD<DataSet> batches(DataSetBatcher batcher, Dataset<Row> rows) {
        int perTask = threads;
        return batcher.toDataSets(rows).mapPartitions(it -> {
            NativeThreads.limitTo(perTask);
            return it;
        });
    }
}
