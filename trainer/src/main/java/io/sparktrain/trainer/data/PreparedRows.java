package io.sparktrain.trainer.data;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows made ready for batching: the fitted preprocessing pipeline applied to the training and
 * test rows, with a report of what happened to the input.
 *
 * @param train         training rows with the columns the minibatcher reads
 * @param test          test rows, transformed with the same fitted pipeline
 * @param pipeline      the pipeline fitted on the training rows only, saved in the bundle
 * @param trainRows     rows in {@code train}
 * @param report        what happened to the input, one line each, for the console
 * @param testBaselines for a regression, {@value #MEAN_BASELINE_RMSE}: the test rmse of always predicting the
 *                      training mean, the yardstick a network must beat
 * @param rebalance     what the pipeline's imbalance stage does to training rows; applied by the job to the rows
 *                      it trains on, after any validation rows are held out, and to nothing else
 * @param classWeights  per class index, the loss weight the pipeline fitted (class-weights method); else empty
 */
public record PreparedRows(Dataset<Row> train, Dataset<Row> test, PipelineModel pipeline, long trainRows, List<String> report,
        Map<String, Double> testBaselines, UnaryOperator<Dataset<Row>> rebalance, List<Double> classWeights) {
    public static final String MEAN_BASELINE_RMSE = "mean_baseline_rmse";

    /** Rows whose pipeline does not rebalance. */
    PreparedRows(Dataset<Row> train, Dataset<Row> test, PipelineModel pipeline, long trainRows, List<String> report,
            Map<String, Double> testBaselines) {
        this(train, test, pipeline, trainRows, report, testBaselines, UnaryOperator.identity(), List.of());
    }
}
