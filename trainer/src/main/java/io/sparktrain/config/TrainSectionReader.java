package io.sparktrain.config;

/** Reads and validates the {@code train} section of a job config. */
final class TrainSectionReader {
    private TrainSectionReader() {
    }

    static TrainSection read(ConfigReader train) {
        Strategy strategy = train.choice("strategy", Strategy.class);
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
                averaging.choice("approach", AveragingApproach.class),
                averaging.string("work-dir"),
                averaging.choice("repartition", Repartitioning.class));
    }

    private static SharingSection readSharing(ConfigReader sharing) {
        ThresholdAlgorithm algorithm = sharing.choice("threshold-algorithm", ThresholdAlgorithm.class);
        double threshold = sharing.decimal("threshold", 1e-9, 1);
        double sparsity = sharing.decimal("target-sparsity", 1e-9, 1.0 / 16);
        int workersPerNode = sharing.integer("workers-per-node", -1, 1024);
        if (workersPerNode == 0) {
            sharing.problem("workers-per-node", "is 0; use -1 (one per task slot) or a positive number");
        }
        return new SharingSection(algorithm, threshold, sparsity, workersPerNode,
                sharing.string("controller-address"), sharing.integer("port", SharingSection.MIN_PORT, 65000),
                sharing.string("network-mask"));
    }

    private static AllreduceSection readAllreduce(ConfigReader allreduce) {
        return new AllreduceSection(allreduce.integer("workers", 0, 100_000), allreduce.integer("timeout", 1, 86_400));
    }

    private static EarlyStoppingSection readEarlyStopping(ConfigReader stopping) {
        return new EarlyStoppingSection(stopping.bool("enabled"), stopping.choice("metric", Metric.class),
                stopping.integer("patience", 1, 10_000), stopping.decimal("min-delta", 0, 1e6),
                stopping.bool("restore-best"));
    }
}
