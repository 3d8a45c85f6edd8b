package io.sparktrain.pipeline.table;

import io.sparktrain.pipeline.stage.ClassWeighter;
import io.sparktrain.pipeline.stage.ImbalanceEstimator;
import io.sparktrain.pipeline.stage.RandomOversampler;
import io.sparktrain.pipeline.stage.RandomUndersampler;
import io.sparktrain.pipeline.stage.Smote;
import java.util.Optional;
import org.apache.spark.ml.PipelineStage;

/** The imbalance stage of an {@link ImbalancePlan}, reading the label the table's {@link LabelColumn} writes. */
final class Imbalance {
    private Imbalance() {
    }

    static Optional<PipelineStage> stage(ImbalancePlan plan) {
        ImbalanceEstimator<?> stage = switch (plan.method()) {
            case "class-weights" -> new ClassWeighter().setWeightCol(FeaturePipeline.WEIGHT_COL);
            case "oversample" -> new RandomOversampler();
            case "undersample" -> new RandomUndersampler();
            case "smote" -> new Smote().setK(plan.k()).setFeaturesCol(FeaturePlan.FEATURES_COL);
            default -> null;
        };
        if (stage == null) {
            return Optional.empty();
        }
        return Optional.of(stage.setLabelCol(LabelColumn.LABEL_COL).setTargetRatio(plan.ratio()).setSeed(plan.seed()));
    }
}
