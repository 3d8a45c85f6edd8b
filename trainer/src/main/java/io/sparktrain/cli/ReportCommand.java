package io.sparktrain.cli;

import io.sparktrain.trainer.report.BundleReport;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sparktrain report}: rebuilds a bundle's HTML report and charts from the files in the bundle. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Rebuild the report of a model bundle: REPORT = BUNDLE/report/index.html with PNG charts (loss, metric",
            "and speed per epoch, confusion matrix, ROC and precision-recall curves for two classes, predicted vs",
            "actual for a regression, class balance). Train writes it too; this needs no Spark."
        },
        footer = {"", "Example:", "  scripts/sparktrain report --bundle work/bundles/mnist-mlp"})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--bundle", required = true, paramLabel = "URI", description = "model bundle written by sparktrain train")
    String bundle;

    @Override
    public Integer call() {
        System.out.println("report: " + new BundleReport(bundle, new Configuration()).write());
        return 0;
    }
}
