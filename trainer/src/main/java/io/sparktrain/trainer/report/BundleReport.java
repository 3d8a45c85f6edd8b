package io.sparktrain.trainer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparktrain.pipeline.report.DataReport;
import io.sparktrain.trainer.bundle.BundleManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The report of a model bundle: PNG charts and a self-contained {@code report/index.html} that
 * references only files beside it, so it opens offline and travels with the bundle. Built from
 * what the bundle holds ({@code bundle.json}, {@code evaluation.json}, {@code data-report.json}),
 * so {@code sparktrain report} can rebuild it without Spark.
 */
public final class BundleReport {
    public static final String DIR = "report";
    /** The test-set evaluation a train run writes into its bundle for the report. */
    public static final String EVALUATION_FILE = "evaluation.json";

    private final FileSystem fs;
    private final Path bundle;

    public BundleReport(String bundleUri, Configuration hadoop) {
        try {
            Path path = new Path(bundleUri);
            this.fs = path.getFileSystem(hadoop);
            this.bundle = fs.makeQualified(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open bundle " + bundleUri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores the test-set evaluation ({@code io.sparktrain.trainer.score.Evaluation}'s records) as
     * {@value #EVALUATION_FILE}, the report's source for the confusion matrix and curves.
     */
    public void writeEvaluation(Object metrics) {
        try {
            writeFile(new Path(bundle, EVALUATION_FILE), new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(Map.of("metrics", metrics)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + EVALUATION_FILE + " into " + bundle + ": " + e.getMessage(), e);
        }
    }

    /** Writes the report and returns the path of its index.html. */
    public Path write() {
        JsonNode manifest = read(BundleManifest.MANIFEST_FILE).orElseThrow(() -> new IllegalArgumentException(
                bundle + " has no " + BundleManifest.MANIFEST_FILE + "; make a report of a bundle written by sparktrain train"));
        Optional<JsonNode> evaluation = read(EVALUATION_FILE);
        Optional<JsonNode> data = read(DataReport.FILE);
        boolean regression = manifest.path("task").asText().equals("regression");
        Map<String, byte[]> charts = new LinkedHashMap<>();
        History history = new History(manifest.path("history"));
        charts.put("loss.png", Charts.perEpoch("loss per epoch", "loss", history.epochs(), Map.of(
                "train", history.values(e -> e.path("trainLoss")), "validation",
                history.values(e -> e.path("validation").path("loss")))));
        String metric = regression ? "rmse" : "accuracy";
        charts.put(metric + ".png", Charts.perEpoch(metric + " per epoch", metric, history.epochs(), Map.of(
                "test", history.values(e -> e.path("test").path(metric)),
                "validation", history.values(e -> e.path("validation").path(metric)))));
        charts.put("examples-per-second.png", Charts.perEpoch("training speed", "examples/s", history.epochs(),
                Map.of("examples/s", history.values(e -> e.path("examplesPerSecond")))));
        evaluation.ifPresent(e -> charts.putAll(evaluationCharts(e, regression)));
        data.map(BundleReport::classCounts).filter(c -> !c.isEmpty())
                .ifPresent(c -> charts.put("class-balance.png", Charts.classBalance(c)));

        Path dir = new Path(bundle, DIR);
        try {
            fs.mkdirs(dir);
            for (Map.Entry<String, byte[]> chart : charts.entrySet()) {
                writeFile(new Path(dir, chart.getKey()), chart.getValue());
            }
            Path index = new Path(dir, "index.html");
            writeFile(index, ReportHtml.of(manifest, evaluation, List.copyOf(charts.keySet()))
                    .getBytes(StandardCharsets.UTF_8));
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> evaluationCharts(JsonNode evaluation, boolean regression) {
        Map<String, byte[]> charts = new LinkedHashMap<>();
        JsonNode metrics = evaluation.path("metrics");
        if (regression) {
            charts.put("predicted-vs-actual.png", Charts.predictedVsActual(points(metrics.path("sample"))));
            return charts;
        }
        List<String> labels = new ArrayList<>();
        metrics.path("labels").forEach(l -> labels.add(l.asText()));
        long[][] confusion = new long[labels.size()][labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                confusion[i][j] = metrics.path("confusion").path(i).path(j).asLong();
            }
        }
        charts.put("confusion-matrix.png", Charts.confusion(labels, confusion));
        JsonNode curves = metrics.path("curves");
        if (curves.has("roc")) {
            charts.put("roc.png", Charts.curve("ROC curve of class " + labels.get(1), "false positive rate",
                    "true positive rate", points(curves.path("roc")), true));
            charts.put("precision-recall.png", Charts.curve("precision-recall curve of class " + labels.get(1),
                    "recall", "precision", points(curves.path("pr")), false));
        }
        return charts;
    }

    private static List<double[]> points(JsonNode array) {
        List<double[]> points = new ArrayList<>();
        array.forEach(p -> points.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()}));
        return points;
    }

    private static Map<String, Map<String, Long>> classCounts(JsonNode data) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String[] part : new String[][] {{"training", "trainClasses"}, {"training, resampled", "classesAfterResampling"},
                {"test", "testClasses"}}) {
            Map<String, Long> byClass = new LinkedHashMap<>();
            data.path(part[1]).fields().forEachRemaining(f -> byClass.put(f.getKey(), f.getValue().asLong()));
            if (!byClass.isEmpty()) {
                counts.put(part[0], byClass);
            }
        }
        return counts;
    }

    private Optional<JsonNode> read(String name) {
        Path file = new Path(bundle, name);
        try {
            if (!fs.exists(file)) {
                return Optional.empty();
            }
            try (InputStream in = fs.open(file)) {
                return Optional.of(new ObjectMapper().readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeFile(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    /** The per-epoch history of bundle.json as series. */
    private record History(JsonNode epochsNode) {
        List<Integer> epochs() {
            List<Integer> epochs = new ArrayList<>();
            epochsNode.forEach(e -> epochs.add(e.path("epoch").asInt()));
            return epochs;
        }

        List<Double> values(Function<JsonNode, JsonNode> field) {
            List<Double> values = new ArrayList<>();
            epochsNode.forEach(e -> {
                JsonNode v = field.apply(e);
                values.add(v.isNumber() ? v.asDouble() : null);
            });
            return values;
        }
    }
}
