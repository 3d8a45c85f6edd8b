package io.sparktrain.pipeline.report;

import java.util.List;
import java.util.Map;

/**
 * What happened to the data of a training run, written as {@code data-report.json} into the model
 * bundle and printed as a table on the console: a user sees how many rows were read, kept and
 * rejected and why, how much was missing before and after the pipeline, and how the classes are
 * balanced, without opening the data.
 *
 * @param inputs                 the check of each input table (train, and test when it is a table of its own)
 * @param trainRows              rows the pipeline was fitted on and the network trains on
 * @param testRows               rows tested on
 * @param testFrom               where the test rows came from (a table, or held out of the training table)
 * @param columns                per feature column of the training split: missing values and statistics
 * @param trainClasses           training rows per class; empty for a regression
 * @param classesAfterResampling training rows per class after resampling; the same as {@code trainClasses}
 *                               while no resampling stage runs, empty until a resampling stage has run
 * @param testClasses            test rows per class
 */
public record DataReport(List<InputReport> inputs, long trainRows, long testRows, String testFrom,
        List<ColumnReport> columns, Map<String, Long> trainClasses, Map<String, Long> classesAfterResampling,
        Map<String, Long> testClasses) {
    public static final String FILE = "data-report.json";

    public DataReport {
        inputs = List.copyOf(inputs);
        columns = List.copyOf(columns);
    }
}
