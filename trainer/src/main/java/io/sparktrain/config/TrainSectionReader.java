package io.sparktrain.config;

import java.util.List;

/** Reads and validates the {@code train} section of a job config. */
final class TrainSectionReader {
    static final List<String> STRATEGIES = List.of("averaging", "sharing", "allreduce", "local");
    static final List<String> APPROACHES = List.of("export", "direct");
    static final List<String> REPARTITIONS = List.of("always", "never", "num-partitions-workers-differs");
    static final List<String> THRESHOLD_ALGORITHMS = List.of("adaptive", "fixed", "target-sparsity");
    static final List<String> METRICS = List.of("accuracy", "f1", "precision", "recall", "loss", "rmse", "mae");

    private TrainSectionReader() {
    }

    static TrainSection read(ConfigReader train) {
        String strategy = train.oneOf("strategy", STRATEGIES);
        int epochs = train.integer("epochs", 1, 100_000);
        int batchSize = train.integer("batch-size", 1, 1_000_000);
        int threads = train.integer("threads-per-task", 0, 1024);
        double validationFraction = train.decimal("validation-fraction", 0, 0.5);
        int checkpoints = train.integer("checkpoints", 1, 1000);
        boolean stats = train.bool("collect-stats");
        EarlyStoppingSection earlyStopping = readEarlyStopping(train.section("early-stopping"));
        if (earlyStopping.enabled() && validationFraction == 0) {
            train.problem("early-stopping.enabled", "is true but train.validation-fraction is 0; early stopping"
                    + " needs held-out validation data (stopping on the test data would leak it into model selection):"
                    + " set train.validation-fraction, e.g. 0.1");
        }
        return new TrainSection(strategy, epochs, batchSize, threads, validationFraction, checkpoints, stats,
                readAveraging(train.section("averaging")), readSharing(train.section("sharing")), earlyStopping,
                readAllreduce(train.section("allreduce")));
    }

    private static AveragingSection readAveraging(ConfigReader averaging) {
        return new AveragingSection(
                averaging.integer("frequency", 1, 100_000),
                averaging.integer("prefetch", 0, 1000),
                averaging.oneOf("approach", APPROACHES),
                averaging.string("work-dir"),
                averaging.oneOf("repartition", REPARTITIONS));
    }

    private static SharingSection readSharing(ConfigReader sharing) {
        String algorithm = sharing.oneOf("threshold-algorithm", THRESHOLD_ALGORITHMS);
        double threshold = sharing.decimal("threshold", 1e-9, 1);
        double sparsity = sharing.decimal("target-sparsity", 1e-9, 1.0 / 16);
        int workersPerNode = sharing.integer("workers-per-node", -1, 1024);
        if (workersPerNode == 0) {
            sharing.problem("workers-per-node", "is 0; use -1 (one per task slot) or a positive number");
        }
        return new SharingSection(algorithm, threshold, sparsity, workersPerNode,
                sharing.string("controller-address"), sharing.integer("port", 1024, 65000),
                sharing.string("network-mask"));
    }

    private static AllreduceSection readAllreduce(ConfigReader allreduce) {
        return new AllreduceSection(allreduce.integer("workers", 0, 100_000),
                allreduce.integer("timeout", 1, 86_400));
    }

    private static EarlyStoppingSection readEarlyStopping(ConfigReader stopping) {
        return new EarlyStoppingSection(stopping.bool("enabled"), stopping.oneOf("metric", METRICS),
                stopping.integer("patience", 1, 10_000), stopping.decimal("min-delta", 0, 1e6),
                stopping.bool("restore-best"));
    }
}
