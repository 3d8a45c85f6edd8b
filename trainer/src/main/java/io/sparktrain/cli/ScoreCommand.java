package io.sparktrain.cli;

import io.sparktrain.trainer.score.ScoreJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparktrain score}: the options of the score job; the work is {@link ScoreJob}'s. */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Score data with a model bundle: the bundle's fitted pipeline and network, applied where the data lives.",
            "",
            "The input has the shape of the training data (IDX images, a table, or text folders; the label is",
            "optional). Predictions keep the input's id and label columns and add the predicted class name, its",
            "index and one probability column per class (or the predicted value of a regression). Rows that",
            "cannot be scored go to OUTPUT.rejects with a reason; rows in = scored + rejected is checked and",
            "stored in OUTPUT/_sparktrain_score.json. Output is written through Spark's commit protocol."
        },
        footer = {"", "Examples:",
            "  scripts/sparktrain score --bundle work/bundles/mnist-mlp --input data/mnist/t10k-images-idx3-ubyte"
                    + " --output work/scores/mnist",
            "  scripts/sparktrain score --bundle hdfs:///models/credit --input hdfs:///data/credit.csv"
                    + " --output hdfs:///scores/credit --format csv --overwrite"})
final class ScoreCommand implements Callable<Integer> {
    @Mixin
    private BundleInputOptions in;

    @Option(names = "--output", required = true, paramLabel = "URI", description = "folder for the predictions")
    String output;

    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT",
            description = "parquet, csv or json (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() {
        new ScoreJob(new ScoreJob.Options(in.bundle, in.input, in.labels, output, format, in.overwrite, in.master,
                in.sparkConf)).run();
        return 0;
    }
}
