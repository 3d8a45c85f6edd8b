package io.sparktrain.config;

import io.sparktrain.trainer.model.Loss;
import io.sparktrain.trainer.model.OutputLayerSpec;
import java.util.Optional;

/**
 * Checks between the network, the training settings and the task that every way into the engine
 * runs: the job config loader (which names the config key) and the Spark ML estimators (which
 * name their params). Each returns what is wrong and the fix, without the key.
 */
public final class TaskChecks {
    private TaskChecks() {
    }

    /** Early stopping must watch a metric the task reports. */
    public static Optional<String> stoppingMetric(EarlyStoppingSection stopping, Task task) {
        if (!stopping.enabled() || stopping.metric().reportedFor(task)) {
            return Optional.empty();
        }
        return Optional.of("is '" + stopping.metric().configName() + "', which a "
                + (task == Task.REGRESSION ? "regression" : "classifier") + " does not report; allowed: "
                + String.join(", ", Metric.namesFor(task)));
    }

    /**
     * The output layer must fit the labels: one unit with mse or mae for a number, one unit per
     * class (or one sigmoid unit with binary cross-entropy for two classes) for classes.
     *
     * @param classesFrom where the classes come from, as the caller's user wrote it (e.g. {@code data.labels})
     */
    public static Optional<String> outputUnits(OutputLayerSpec output, Task task, int numClasses, String classesFrom) {
        if (task == Task.REGRESSION) {
            boolean fits = output.units() == 1 && (output.loss() == Loss.MSE || output.loss() == Loss.MAE);
            return fits ? Optional.empty() : Optional.of("is " + output.units() + " unit(s) with loss "
                    + output.loss().configName() + ", but the label is a number to predict: use one unit with loss"
                    + " mse or mae (or name the classes in " + classesFrom + ")");
        }
        boolean binary = numClasses == 2 && output.units() == 1 && output.loss() == Loss.BINARY_CROSS_ENTROPY;
        if (binary || output.units() == numClasses) {
            return Optional.empty();
        }
        return Optional.of("is " + output.units() + " but " + classesFrom + " names " + numClasses
                + " classes; the output layer needs one unit per class (or, for 2 classes, one sigmoid unit with loss"
                + " binary-cross-entropy)");
    }
}
