package io.sparktrain.pipeline.table;

import java.util.List;

/**
 * Which numeric features are clipped into [lower quantile, upper quantile] of the training rows
 * before scaling, so a few extreme values do not squeeze every other value into a sliver.
 *
 * @param columns columns to clip; none turns clipping off
 * @param lower   lower quantile, from 0
 * @param upper   upper quantile, above lower, up to 1
 */
public record ClipPlan(List<String> columns, double lower, double upper) {
    public static final ClipPlan NONE = new ClipPlan(List.of(), 0.01, 0.99);

    public ClipPlan {
        columns = List.copyOf(columns);
        if (!(lower >= 0 && lower < upper && upper <= 1)) {
            throw new IllegalArgumentException("clipping quantiles must satisfy 0 <= lower < upper <= 1, got lower "
                    + lower + " and upper " + upper);
        }
    }
}
