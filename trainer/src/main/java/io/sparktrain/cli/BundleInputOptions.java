package io.sparktrain.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options score and evaluate share: which bundle, which data, where Spark runs. */
final class BundleInputOptions {
    @Option(names = "--bundle", required = true, paramLabel = "URI", description = "model bundle written by sparktrain train")
    String bundle;

    @Option(names = "--input", required = true, paramLabel = "URI",
            description = "data of the training data's shape (IDX images, a table, text folders), any Hadoop URI")
    String input;

    @Option(names = "--labels", paramLabel = "URI", description = "IDX bundles only: the labels file of the images")
    String labels;

    @Option(names = "--overwrite", description = "replace an existing output (default: refuse before any work)")
    boolean overwrite;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or spark-submit's)")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark property (repeatable), e.g."
            + " --conf spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000")
    Map<String, String> sparkConf = new LinkedHashMap<>();
}
