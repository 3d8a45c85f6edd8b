package io.sparktrain.trainer.bundle;

import io.sparktrain.trainer.engine.Network;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The learned values of a small network, readable in {@code bundle.json} without DL4J: what a
 * linear regression learned is the answer itself (a weight and a bias).
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /** Every parameter array by DL4J name, flattened row-major; empty when the network has more than {@code limit} values. */
    public static Map<String, List<Double>> ofSmall(Network network, int limit) {
        if (network.numParams() > limit) {
            return Map.of();
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> entry : network.model().paramTable().entrySet()) {
            double[] flat = entry.getValue().dup('c').data().asDouble();
            values.put(entry.getKey(), Arrays.stream(flat).boxed().toList());
        }
        return values;
    }
}
