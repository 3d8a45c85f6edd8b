package io.sparktrain.trainer.ml;

import io.sparktrain.pipeline.stage.ClassWeightModel;
import io.sparktrain.pipeline.stage.ImbalanceModel;
import io.sparktrain.pipeline.stage.ResamplingTag;
import io.sparktrain.pipeline.stage.SmoteModel;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * The imbalance stage that precedes a network estimator in a plain Spark ML {@code Pipeline}
 * (found in the label column's metadata, {@link ResamplingTag}), checked against what the estimator
 * reads, so that the estimator resamples its training rows, after holding out validation rows, as
 * the train job does. Every mismatch fails, naming both sides: a stage that resamples nothing the
 * network learns from must not pass silently.
 *
 * @param stage     the imbalance stage; empty when none precedes the estimator
 * @param weightCol the column of row weights the network's loss uses: the estimator's, or the one a
 *                  class-weight stage adds
 */
record TrainingRebalance(Optional<ImbalanceModel<?>> stage, String weightCol) {

    static TrainingRebalance of(StructType schema, NetworkEstimator estimator) {
        String name = estimator.getClass().getSimpleName();
        Optional<ImbalanceModel<?>> found = ResamplingTag.find(schema);
        if (found.isEmpty()) {
            return new TrainingRebalance(found, estimator.getWeightCol());
        }
        ImbalanceModel<?> stage = found.get();
        String what = stage.getClass().getSimpleName() + " " + stage.uid();
        if (!estimator.isClassification()) {
            throw new IllegalArgumentException(what + " rebalances classes, but " + name + " predicts a number;"
                    + " remove the imbalance stage from the pipeline");
        }
        if (!stage.getLabelCol().equals(estimator.getLabelCol())) {
            throw new IllegalArgumentException(what + " balances the classes of column '" + stage.getLabelCol()
                    + "', but " + name + " learns labelCol '" + estimator.getLabelCol() + "'; give both the same label");
        }
        if (stage instanceof SmoteModel smote && (!smote.getFeaturesCol().equals(estimator.getFeaturesCol())
                || !estimator.getMaskCol().isEmpty())) {
            throw new IllegalArgumentException(what + " synthesises rows with only column '" + smote.getFeaturesCol()
                    + "' and the label, but " + name + " reads featuresCol '" + estimator.getFeaturesCol() + "'"
                    + (estimator.getMaskCol().isEmpty() ? "" : " and maskCol '" + estimator.getMaskCol() + "'")
                    + "; set Smote's featuresCol to the flat feature vector the network reads");
        }
        String weightCol = estimator.getWeightCol();
        if (stage instanceof ClassWeightModel weights) {
            if (!weightCol.isEmpty() && !weightCol.equals(weights.getWeightCol())) {
                throw new IllegalArgumentException(what + " weighs the training rows in column '"
                        + weights.getWeightCol() + "', and " + name + " sets weightCol '" + weightCol + "' too;"
                        + " unset the estimator's weightCol (or remove the ClassWeighter)");
            }
            weightCol = weights.getWeightCol();
        }
        return new TrainingRebalance(found, weightCol);
    }

    /** Applied to the training rows only, after validation rows are held out. */
    UnaryOperator<Dataset<Row>> rebalance() {
        return stage.<UnaryOperator<Dataset<Row>>>map(s -> s::resample).orElse(UnaryOperator.identity());
    }

    String resampledBy() {
        return stage.map(ImbalanceModel::uid).orElse("");
    }
}
