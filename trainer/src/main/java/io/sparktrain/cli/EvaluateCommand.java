package io.sparktrain.cli;

import io.sparktrain.trainer.score.EvaluateJob;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sparktrain evaluate}: the options of the evaluate job; the work is {@link EvaluateJob}'s. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Evaluate a model bundle on labelled data: the bundle's pipeline and network applied where the data lives.",
            "",
            "Classifiers: accuracy, precision, recall, F1, ROC-AUC and PR-AUC per class (one against the rest) and",
            "their macro means, and the confusion matrix. Regressions: MSE, RMSE, MAE, R2. Printed as a table and",
            "written to REPORT/evaluation.json; rows that cannot be evaluated go to REPORT/rejects with a reason."
        },
        footer = {"", "Examples:",
            "  scripts/sparktrain evaluate --bundle work/bundles/mnist-mlp --input data/mnist/t10k-images-idx3-ubyte"
                    + " --labels data/mnist/t10k-labels-idx1-ubyte",
            "  scripts/sparktrain evaluate --bundle work/bundles/xor --input data/xor/test.csv --report work/eval/xor"})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    private BundleInputOptions in;

    @Option(names = "--report", paramLabel = "URI",
            description = "folder for evaluation.json (default: work/evaluations/<bundle folder name>)")
    String report;

    @Override
    public Integer call() {
        String folder = report != null ? report
                : "work/evaluations/" + new Path(in.bundle).getName();
        new EvaluateJob(new EvaluateJob.Options(in.bundle, in.input, in.labels, folder, in.overwrite, in.master,
                in.sparkConf)).run();
        return 0;
    }
}
