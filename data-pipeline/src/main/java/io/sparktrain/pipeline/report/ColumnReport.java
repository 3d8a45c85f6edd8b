package io.sparktrain.pipeline.report;

/**
 * One numeric column of the training split: how much is missing before and after the feature
 * pipeline, and the simple statistics of its present values (before scaling).
 *
 * @param name          the column
 * @param missingBefore training rows without a value as they enter the pipeline (bad values made missing included)
 * @param missingAfter  training rows whose feature-vector entry for the column is missing after the pipeline
 *                      (0 once imputed or dropped); null when the vector has not one entry per column
 * @param mean          mean of the present values; null when none is present
 * @param std           sample standard deviation of the present values
 * @param min           smallest present value
 * @param max           largest present value
 */
public record ColumnReport(String name, long missingBefore, Long missingAfter, Double mean, Double std, Double min,
        Double max) {
    ColumnReport withMissingAfter(Long missing) {
        return new ColumnReport(name, missingBefore, missing, mean, std, min, max);
    }
}
