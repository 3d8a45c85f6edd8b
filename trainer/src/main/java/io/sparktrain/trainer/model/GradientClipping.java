package io.sparktrain.trainer.model;

import org.deeplearning4j.nn.conf.GradientNormalization;

/**
 * Gradient clipping, applied by DL4J to every layer before the optimizer step.
 *
 * @param threshold the largest L2 norm of a layer's gradient ({@code norm}), or the largest
 *                  absolute value of each gradient element ({@code value})
 */
public record GradientClipping(Type type, double threshold) {
    public static final GradientClipping NONE = new GradientClipping(Type.NONE, 1);

    /** The clipping kinds a spec may name, with the DL4J gradient normalization each maps to. */
    public enum Type implements ConfigChoice {
        NONE("none", GradientNormalization.None),
        NORM("norm", GradientNormalization.ClipL2PerLayer),
        VALUE("value", GradientNormalization.ClipElementWiseAbsoluteValue);

        private final String configName;
        private final GradientNormalization dl4j;

        Type(String configName, GradientNormalization dl4j) {
            this.configName = configName;
            this.dl4j = dl4j;
        }

        @Override
        public String configName() {
            return configName;
        }

        public GradientNormalization dl4j() {
            return dl4j;
        }
    }
}
