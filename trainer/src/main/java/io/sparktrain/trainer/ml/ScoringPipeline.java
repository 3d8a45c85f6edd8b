package io.sparktrain.trainer.ml;

import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.trainer.engine.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.util.Identifiable;

/**
 * The one Spark ML {@code PipelineModel} a bundle holds: the fitted preparation stages (feature
 * pipeline or text sequencer, none for images) followed by the trained network as a
 * {@link NetworkModel}. {@code sparktrain score}, {@code evaluate} and library users all load
 * this and call {@code transform}, so training and scoring share one code path.
 */
public final class ScoringPipeline {
    /** Column with the predicted class name in a bundle's predictions. */
    public static final String PREDICTED_LABEL_COL = "predicted_label";

    private ScoringPipeline() {
    }

    /** @param labels class names by index; empty for a regression */
    public static PipelineModel of(Optional<PipelineModel> preparation, FeatureSpec features, Network network,
            List<String> labels) {
        NetworkModel model = NetworkModel.of(network, labels).setFeaturesCol(features.column());
        if (features.kind() == FeatureSpec.Kind.SEQUENCE) {
            model.setMaskCol(features.maskColumn());
        }
        if (!labels.isEmpty()) {
            model.setPredictedLabelCol(PREDICTED_LABEL_COL);
        }
        List<Transformer> stages = new ArrayList<>();
        preparation.ifPresent(p -> stages.addAll(Arrays.asList(p.stages())));
        stages.add(model);
        return new PipelineModel(Identifiable.randomUID("sparktrainPipeline"), stages.toArray(Transformer[]::new));
    }
}
