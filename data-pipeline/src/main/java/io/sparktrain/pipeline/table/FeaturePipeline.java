package io.sparktrain.pipeline.table;

import io.sparktrain.pipeline.stage.ClassWeightModel;
import io.sparktrain.pipeline.stage.ColumnCopier;
import io.sparktrain.pipeline.stage.TrainingResampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.MinMaxScaler;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.RobustScaler;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.VectorAssembler;

/**
 * The Spark ML pipeline of a {@link FeaturePlan}: the plan's columns first copied to plain internal
 * names ({@link ColumnCopier}: Spark's own stages fail on a name with a dot or a backtick, and
 * real headers have them), then numeric columns through {@link NumericStages}
 * (sentinels, indicators, clipping, imputation), assembled and scaled; categorical columns
 * indexed with an unknown bucket and one-hot encoded (or kept as indices); everything assembled
 * into {@value FeaturePlan#FEATURES_COL}; an imbalance stage last. Fitted on the training split
 * only; the fitted {@code PipelineModel} is saved in the model bundle so scoring applies exactly
 * the same statistics. Its imbalance stage is the identity there: training rows are rebalanced
 * through {@link #resampler}, never by {@code transform}.
 */
public final class FeaturePipeline {
    /** The column class weights are written to; the batcher turns it into per-example loss weights. */
    public static final String WEIGHT_COL = "weight";
    private static final String NUMERIC = "features__numeric";
    private static final String SCALED = "features__scaled";
    private static final String NUMERIC_INPUT = "features__numeric_input_";
    private static final String CATEGORICAL_INPUT = "features__categorical_input_";

    private FeaturePipeline() {
    }

    public static Pipeline of(FeaturePlan plan) {
        // Every stage after the copier reads these plain names, never the user's.
        List<String> numericInputs = internalNames(NUMERIC_INPUT, plan.columns());
        List<String> categoricalInputs = internalNames(CATEGORICAL_INPUT, plan.categorical());
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new ColumnCopier()
                .setInputCols(Stream.concat(plan.columns().stream(), plan.categorical().stream()).toArray(String[]::new))
                .setOutputCols(Stream.concat(numericInputs.stream(), categoricalInputs.stream()).toArray(String[]::new)));
        List<String> parts = new ArrayList<>();
        if (!plan.columns().isEmpty()) {
            NumericStages numeric = NumericStages.of(plan, c -> numericInputs.get(plan.columns().indexOf(c)));
            stages.addAll(numeric.stages());
            // "keep" lets a row with a missing value through as NaN; the drop strategy removes such rows before fitting.
            stages.add(new VectorAssembler().setInputCols(numeric.outputs().toArray(String[]::new))
                    .setOutputCol(NUMERIC).setHandleInvalid("keep"));
            Optional<PipelineStage> scaler = scaler(plan.normalize());
            scaler.ifPresent(stages::add);
            parts.add(scaler.isPresent() ? SCALED : NUMERIC);
            parts.addAll(numeric.indicators());
        }
        if (!plan.categorical().isEmpty()) {
            String[] indices = categoricalInputs.stream().map(c -> c + "__index").toArray(String[]::new);
            stages.add(new StringIndexer().setInputCols(categoricalInputs.toArray(String[]::new))
                    .setOutputCols(indices).setHandleInvalid("keep"));
            if (plan.encoding().equals("one-hot")) {
                String[] oneHot = categoricalInputs.stream().map(c -> c + "__onehot").toArray(String[]::new);
                stages.add(new OneHotEncoder().setInputCols(indices).setOutputCols(oneHot).setDropLast(false));
                parts.addAll(Arrays.asList(oneHot));
            } else {
                parts.addAll(Arrays.asList(indices));
            }
        }
        stages.add(new VectorAssembler().setInputCols(parts.toArray(String[]::new)).setOutputCol(FeaturePlan.FEATURES_COL));
        Imbalance.stage(plan.imbalance()).ifPresent(stages::add);
        return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    }

    /** {@code prefix0}, {@code prefix1}, ...: one plain name per column, in plan order. */
    private static List<String> internalNames(String prefix, List<String> columns) {
        return IntStream.range(0, columns.size()).mapToObj(i -> prefix + i).toList();
    }

    /** The fitted imbalance stage, if the plan has one: what the training job rebalances its training rows with. */
    public static Optional<TrainingResampler> resampler(PipelineModel fitted) {
        return Arrays.stream(fitted.stages()).filter(TrainingResampler.class::isInstance)
                .map(TrainingResampler.class::cast).findFirst();
    }

    /**
     * For the class-weights method, the fitted weight of each class index (majority class 1): the
     * trainer puts them into the output layer's loss. Empty for every other method.
     */
    public static Optional<Map<Double, Double>> classWeights(PipelineModel fitted) {
        return Arrays.stream(fitted.stages()).filter(ClassWeightModel.class::isInstance)
                .map(stage -> ((ClassWeightModel) stage).weights()).findFirst();
    }

    private static Optional<PipelineStage> scaler(String normalize) {
        return switch (normalize) {
            case "standard" -> Optional.of(new StandardScaler().setWithMean(true).setWithStd(true)
                    .setInputCol(NUMERIC).setOutputCol(SCALED));
            case "min-max" -> Optional.of(new MinMaxScaler().setInputCol(NUMERIC).setOutputCol(SCALED));
            case "robust" -> Optional.of(new RobustScaler().setWithCentering(true).setWithScaling(true)
                    .setInputCol(NUMERIC).setOutputCol(SCALED));
            default -> Optional.empty();
        };
    }
}
