package io.sparktrain.config;

import com.typesafe.config.ConfigUtil;
import io.sparktrain.pipeline.table.ClipPlan;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.ImbalancePlan;
import io.sparktrain.pipeline.table.MissingPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code pipeline} section into a {@link FeaturePlan}, reporting every bad key with its
 * full path (e.g. {@code pipeline.sentinels.Income}) and what is allowed, before Spark starts. A
 * key that names a column is written in HOCON quotes when the name holds a dot or other
 * characters a path cannot ({@code sentinels { "x_0.25" = 0 }}), and is reported the same way.
 */
final class PipelineSectionReader {
    private PipelineSectionReader() {
    }

    /** The plan, or null when something it needs is invalid (the problems are already recorded). */
    static FeaturePlan read(ConfigReader pipeline, List<String> features, List<String> categorical) {
        int before = pipeline.problemCount();
        String missing = pipeline.oneOf("missing", MissingPlan.STRATEGIES);
        Map<String, String> byColumn = pipeline.stringMap("missing-by-column");
        byColumn.forEach((column, strategy) -> {
            String key = ConfigUtil.joinPath("missing-by-column", column);
            requireFeature(pipeline, key, column, features);
            if (!MissingPlan.STRATEGIES.contains(strategy)) {
                pipeline.problem(key, "is '" + strategy + "'; allowed: "
                        + String.join(", ", MissingPlan.STRATEGIES));
            }
        });
        double fillValue = pipeline.decimal("fill-value", -Double.MAX_VALUE, Double.MAX_VALUE);
        Map<String, Double> sentinels = sentinels(pipeline, features);
        List<String> indicators = pipeline.stringList("indicators");
        indicators.forEach(column -> requireFeature(pipeline, "indicators", column, features));
        ConfigReader clip = pipeline.section("clip");
        List<String> clipped = clip.stringList("columns");
        clipped.forEach(column -> requireFeature(clip, "columns", column, features));
        double lower = clip.decimal("lower", 0, 1);
        double upper = clip.decimal("upper", 0, 1);
        if (lower >= upper) {
            clip.problem("lower", "is " + lower + " but upper is " + upper + "; lower must be below upper");
        }
        String normalize = pipeline.oneOf("normalize", FeaturePlan.NORMALIZE);
        String encoding = pipeline.oneOf("categorical", FeaturePlan.ENCODINGS);
        ConfigReader imbalance = pipeline.section("imbalance");
        String method = imbalance.oneOf("method", ImbalancePlan.METHODS);
        double ratio = imbalance.decimal("ratio", 0, 1);
        if (ratio == 0) {
            imbalance.problem("ratio", "is 0; allowed: above 0 up to 1 (1 = every class as large as the largest)");
        }
        int k = imbalance.integer("k", 1, 1000);
        long seed = imbalance.longInteger("seed");
        if (pipeline.problemCount() > before || features.isEmpty() && categorical.isEmpty()) {
            return null;
        }
        return new FeaturePlan(features, categorical, new MissingPlan(missing, byColumn, fillValue, sentinels, indicators),
                new ClipPlan(clipped, lower, upper), normalize, encoding, new ImbalancePlan(method, ratio, k, seed));
    }

    private static Map<String, Double> sentinels(ConfigReader pipeline, List<String> features) {
        Map<String, Double> sentinels = new LinkedHashMap<>();
        pipeline.stringMap("sentinels").forEach((column, value) -> {
            String key = ConfigUtil.joinPath("sentinels", column);
            requireFeature(pipeline, key, column, features);
            try {
                sentinels.put(column, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                pipeline.problem(key, "is '" + value + "'; a sentinel is the number that means"
                        + " missing in that column, e.g. 0");
            }
        });
        return sentinels;
    }

    private static void requireFeature(ConfigReader section, String key, String column, List<String> features) {
        if (!features.contains(column)) {
            section.problem(key, "names column '" + column + "', which is not in data.table.features " + features
                    + "; these settings apply to numeric feature columns only");
        }
    }
}
