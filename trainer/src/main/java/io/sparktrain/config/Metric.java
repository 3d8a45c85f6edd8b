package io.sparktrain.config;

import io.sparktrain.trainer.model.ConfigChoice;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A validation metric early stopping can watch ({@code train.early-stopping.metric}): whether lower
 * is better and which tasks report it, so the config check and the training loop agree.
 */
public enum Metric implements ConfigChoice {
    ACCURACY("accuracy", false, EnumSet.of(Task.CLASSIFICATION)),
    F1("f1", false, EnumSet.of(Task.CLASSIFICATION)),
    PRECISION("precision", false, EnumSet.of(Task.CLASSIFICATION)),
    RECALL("recall", false, EnumSet.of(Task.CLASSIFICATION)),
    LOSS("loss", true, EnumSet.of(Task.CLASSIFICATION, Task.REGRESSION)),
    RMSE("rmse", true, EnumSet.of(Task.REGRESSION)),
    MAE("mae", true, EnumSet.of(Task.REGRESSION));

    private final String configName;
    private final boolean lowerIsBetter;
    private final Set<Task> tasks;

    Metric(String configName, boolean lowerIsBetter, Set<Task> tasks) {
        this.configName = configName;
        this.lowerIsBetter = lowerIsBetter;
        this.tasks = tasks;
    }

    /** Also the key of this metric in the evaluator's results and in {@code bundle.json}. */
    @Override
    public String configName() {
        return configName;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    public boolean reportedFor(Task task) {
        return tasks.contains(task);
    }

    /** The config names of the metrics a task reports, for messages. */
    public static List<String> namesFor(Task task) {
        return Arrays.stream(values()).filter(m -> m.reportedFor(task)).map(Metric::configName).toList();
    }

    @Override
    public String toString() {
        return configName;
    }
}
