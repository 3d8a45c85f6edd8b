package io.sparktrain.pipeline.stage;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted imbalance stage: changes the class balance of training rows, and only of those.
 *
 * <p>Why a separate call instead of {@code transform}: a fitted {@code PipelineModel} is applied to
 * validation, test and scoring rows too, which must keep their real class balance (and scoring rows
 * have no label at all). So every imbalance model's {@code transform} keeps the rows, and whatever
 * trains calls {@link #resample} on the training rows alone, after any validation rows are held out:
 * the train job asks the fitted pipeline for its resampler ({@code FeaturePipeline.resampler}); a
 * network estimator in a plain Spark ML {@code Pipeline} finds it in the label column's metadata
 * ({@link ResamplingTag}).
 */
public interface TrainingResampler {
    /** The training rows rebalanced: resampled, synthesised or weighted, per the fitted stage. */
    Dataset<Row> resample(Dataset<?> training);
}
