package io.sparktrain.pipeline.table;

import java.util.List;

/**
 * How the training rows' class balance is changed; validation, test and scoring rows never are.
 *
 * @param method none, class-weights (per-example loss weights), oversample, undersample or smote
 * @param ratio  target size of each smaller class as a fraction of the largest (undersample: the
 *               largest shrinks to smallest / ratio), in (0, 1]
 * @param k      smote: nearest neighbours of the same class to interpolate towards
 * @param seed   random seed of the sampling
 */
public record ImbalancePlan(String method, double ratio, int k, long seed) {
    public static final List<String> METHODS = List.of("none", "class-weights", "oversample", "undersample", "smote");
    public static final ImbalancePlan NONE = new ImbalancePlan("none", 1, 5, 42);

    public ImbalancePlan {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("imbalance method '" + method + "' is not one of " + METHODS);
        }
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("imbalance ratio must be in (0, 1], got " + ratio);
        }
        if (k < 1) {
            throw new IllegalArgumentException("smote k must be at least 1, got " + k);
        }
    }

    public boolean enabled() {
        return !method.equals("none");
    }
}
