package io.sparktrain.pipeline.table;

import io.sparktrain.pipeline.stage.ConstantImputer;
import io.sparktrain.pipeline.stage.MissingIndicator;
import io.sparktrain.pipeline.stage.QuantileClipper;
import io.sparktrain.pipeline.stage.SentinelMissing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.Imputer;

/**
 * The stages a plan's numeric columns go through before they are assembled, in the order that
 * keeps each one honest: sentinels become null first (so nothing below mistakes them for values),
 * indicators see every missing cell before imputation fills it, clipping bounds come from real
 * values only, and imputation fills last (so a clipped outlier does not drag a mean). The stages
 * read each plan column under its plain internal name (see {@link FeaturePipeline}), never under the
 * user's name, and each column ends in {@link #outputs}, in plan order.
 *
 * @param stages     the stages, in order
 * @param outputs    per numeric column, the column holding its final value
 * @param indicators the 0/1 was-missing columns
 */
record NumericStages(List<PipelineStage> stages, List<String> outputs, List<String> indicators) {
    private static final String CLIPPED = "__clipped";
    private static final String IMPUTED = "__imputed";

    /** @param internal the plain internal name of each plan column */
    static NumericStages of(FeaturePlan plan, UnaryOperator<String> internal) {
        MissingPlan missing = plan.missing();
        List<PipelineStage> stages = new ArrayList<>();
        if (!missing.sentinels().isEmpty()) {
            List<String> columns = plan.columns().stream().filter(missing.sentinels()::containsKey).toList();
            stages.add(new SentinelMissing().setInputCols(columns.stream().map(internal).toArray(String[]::new))
                    .setSentinels(columns.stream().mapToDouble(missing.sentinels()::get).toArray()));
        }
        List<String> indicated = missing.indicators().stream().map(internal).toList();
        List<String> indicators = indicated.stream().map(c -> c + MissingIndicator.DEFAULT_SUFFIX).toList();
        if (!indicators.isEmpty()) {
            stages.add(new MissingIndicator().setInputCols(indicated.toArray(String[]::new)));
        }
        List<String> current = new ArrayList<>(plan.columns().stream().map(internal).toList());
        if (!plan.clip().columns().isEmpty()) {
            List<String> clipped = plan.clip().columns().stream().map(internal).toList();
            stages.add(new QuantileClipper().setInputCols(clipped.toArray(String[]::new))
                    .setOutputCols(clipped.stream().map(c -> c + CLIPPED).toArray(String[]::new))
                    .setLowerQuantile(plan.clip().lower()).setUpperQuantile(plan.clip().upper()));
            current.replaceAll(c -> clipped.contains(c) ? c + CLIPPED : c);
        }
        for (Map.Entry<String, List<String>> group : missing.byStrategy(plan.columns()).entrySet()) {
            if (group.getKey().equals("drop")) {
                continue;
            }
            List<String> inputs = group.getValue().stream().map(c -> current.get(plan.columns().indexOf(c))).toList();
            String[] in = inputs.toArray(String[]::new);
            String[] out = inputs.stream().map(c -> c + IMPUTED).toArray(String[]::new);
            stages.add(imputer(group.getKey(), missing.fillValue(), in, out));
            inputs.forEach(c -> current.set(current.indexOf(c), c + IMPUTED));
        }
        return new NumericStages(stages, current, indicators);
    }

    private static PipelineStage imputer(String strategy, double fillValue, String[] in, String[] out) {
        return switch (strategy) {
            case "constant" -> new ConstantImputer().setInputCols(in).setOutputCols(out).setValue(fillValue);
            case "most-frequent" -> new Imputer().setStrategy("mode").setInputCols(in).setOutputCols(out);
            default -> new Imputer().setStrategy(strategy).setInputCols(in).setOutputCols(out);
        };
    }
}
