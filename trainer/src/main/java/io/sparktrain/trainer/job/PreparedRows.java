package io.sparktrain.trainer.job;

import java.util.List;
import java.util.Map;
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
 */
record PreparedRows(Dataset<Row> train, Dataset<Row> test, PipelineModel pipeline, long trainRows, List<String> report,
        Map<String, Double> testBaselines) {
    static final String MEAN_BASELINE_RMSE = "mean_baseline_rmse";
}
