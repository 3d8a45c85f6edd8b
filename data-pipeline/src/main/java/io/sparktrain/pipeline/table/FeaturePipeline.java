package io.sparktrain.pipeline.table;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * The Spark ML pipeline of a {@link FeaturePlan}: impute, assemble, scale. Fitted on the training
 * split only; the fitted {@code PipelineModel} is saved in the model bundle so scoring applies
 * exactly the same statistics.
 */
public final class FeaturePipeline {
    private static final String IMPUTED_SUFFIX = "__imputed";
    private static final String ASSEMBLED = "features__raw";

    private FeaturePipeline() {
    }

    public static Pipeline of(FeaturePlan plan) {
        List<PipelineStage> stages = new ArrayList<>();
        String[] inputs = plan.columns().toArray(String[]::new);
        if (!plan.missing().equals("drop")) {
            String[] imputed = plan.columns().stream().map(c -> c + IMPUTED_SUFFIX).toArray(String[]::new);
            stages.add(new Imputer().setStrategy(plan.missing()).setInputCols(inputs).setOutputCols(imputed));
            inputs = imputed;
        }
        boolean scaled = !plan.normalize().equals("none");
        String assembled = scaled ? ASSEMBLED : FeaturePlan.FEATURES_COL;
        // "keep" lets a row with a missing value through as NaN; the drop policy removes such rows before fitting.
        stages.add(new VectorAssembler().setInputCols(inputs).setOutputCol(assembled).setHandleInvalid("keep"));
        if (plan.normalize().equals("standard")) {
            stages.add(new StandardScaler().setWithMean(true).setWithStd(true)
                    .setInputCol(assembled).setOutputCol(FeaturePlan.FEATURES_COL));
        } else if (plan.normalize().equals("min-max")) {
            stages.add(new MinMaxScaler().setInputCol(assembled).setOutputCol(FeaturePlan.FEATURES_COL));
        }
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }
}
