package io.sparktrain.trainer.score;

import static io.sparktrain.pipeline.column.Columns.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.functions;
import org.apache.spark.mllib.evaluation.BinaryClassificationMetrics;
import org.apache.spark.mllib.evaluation.MulticlassMetrics;
import org.apache.spark.mllib.evaluation.RegressionMetrics;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * Metrics of scored, labelled rows, computed on the executors with Spark's own metric classes
 * (only per-class counts and curve bins reach the driver, never the rows).
 */
public final class Evaluation {
    /** Bins of the score histograms behind ROC and PR areas; plenty for 4-digit areas on any data size. */
    private static final int CURVE_BINS = 1000;

    private Evaluation() {
    }

    /**
     * @param accuracy  fraction of rows whose predicted class is the true one
     * @param perClass  precision, recall, f1, roc_auc and pr_auc (one class against the rest) and support,
     *                  by class name
     * @param macro     the unweighted mean of each per-class metric
     * @param confusion rows: true class, columns: predicted class, in class-index order
     * @param curves    two classes only: the ROC curve ({@code roc}: false positive rate, true positive
     *                  rate) and the precision-recall curve ({@code pr}: recall, precision) of the second
     *                  class, at most {@value #CURVE_POINTS} points each; empty otherwise
     */
    public record Classification(long examples, double accuracy, Map<String, Map<String, Double>> perClass,
            Map<String, Double> macro, List<String> labels, long[][] confusion, Map<String, List<double[]>> curves) {}

    /** @param sample up to {@value #SAMPLE_POINTS} (actual, predicted) pairs, for a predicted-vs-actual plot */
    public record Regression(long examples, double mse, double rmse, double mae, double r2, List<double[]> sample) {}

    /** Points kept of a curve: enough to draw it, small enough for a JSON file. */
    public static final int CURVE_POINTS = 200;
    public static final int SAMPLE_POINTS = 1000;

    /** @param scored rows with a class-index label column and the model's {@code prediction} and {@code probability} */
    public static Classification classification(Dataset<Row> scored, String labelCol, List<String> labels) {
        Dataset<Row> rows = scored.select(col(PredictionTable.PREDICTION), col(labelCol).cast("double"),
                functions.vector_to_array(col("probability"), "float64")).cache();
        try {
            MulticlassMetrics metrics = new MulticlassMetrics(rows.select(col(PredictionTable.PREDICTION),
                    col(labelCol).cast("double")));
            Map<String, Map<String, Double>> perClass = new LinkedHashMap<>();
            Map<String, List<double[]>> curveMap = new LinkedHashMap<>();
            for (int k = 0; k < labels.size(); k++) {
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("precision", metrics.precision(k));
                m.put("recall", metrics.recall(k));
                m.put("f1", metrics.fMeasure(k));
                BinaryClassificationMetrics curves = oneVsRest(rows, k);
                m.put("roc_auc", curves.areaUnderROC());
                m.put("pr_auc", curves.areaUnderPR());
                if (labels.size() == 2 && k == 1) {
                    curveMap.put("roc", points(curves.roc()));
                    curveMap.put("pr", points(curves.pr()));
                }
                curves.unpersist();
                perClass.put(labels.get(k), m);
            }
            Map<String, Double> macro = new LinkedHashMap<>();
            for (String metric : List.of("precision", "recall", "f1", "roc_auc", "pr_auc")) {
                macro.put(metric, perClass.values().stream().mapToDouble(m -> m.get(metric)).average().orElse(0));
            }
            long[][] confusion = confusion(metrics.confusionMatrix(), metrics.labels(), labels.size());
            long examples = 0;
            for (int k = 0; k < labels.size(); k++) {
                long support = 0;
                for (long n : confusion[k]) {
                    support += n;
                }
                perClass.get(labels.get(k)).put("support", (double) support);
                examples += support;
            }
            return new Classification(examples, metrics.accuracy(), perClass, macro, List.copyOf(labels), confusion,
                    curveMap);
        } finally {
            rows.unpersist();
        }
    }

    private static BinaryClassificationMetrics oneVsRest(Dataset<Row> rows, int k) {
        return new BinaryClassificationMetrics(rows.javaRDD()
                .map(r -> new Tuple2<Object, Object>(r.getList(2).get(k), r.getDouble(1) == k ? 1.0 : 0.0)).rdd(),
                CURVE_BINS);
    }

    /** A curve's points, thinned evenly to at most {@value #CURVE_POINTS}. */
    private static List<double[]> points(org.apache.spark.rdd.RDD<Tuple2<Object, Object>> curve) {
        List<Tuple2<Object, Object>> all = curve.toJavaRDD().collect();
        int step = Math.max(1, (int) Math.ceil(all.size() / (double) CURVE_POINTS));
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            points.add(new double[] {(Double) all.get(i)._1(), (Double) all.get(i)._2()});
        }
        Tuple2<Object, Object> last = all.get(all.size() - 1);
        points.add(new double[] {(Double) last._1(), (Double) last._2()});
        return points;
    }

    /** Spark's matrix holds only the classes that occur, in sorted label order; this one holds every class. */
    private static long[][] confusion(Matrix matrix, double[] present, int classes) {
        long[][] out = new long[classes][classes];
        for (int i = 0; i < present.length; i++) {
            for (int j = 0; j < present.length; j++) {
                out[(int) present[i]][(int) present[j]] = Math.round(matrix.apply(i, j));
            }
        }
        return out;
    }

    public static Regression regression(Dataset<Row> scored, String labelCol) {
        RegressionMetrics metrics = new RegressionMetrics(scored.select(col(PredictionTable.PREDICTION),
                col(labelCol).cast("double")));
        List<double[]> sample = scored.select(col(labelCol).cast("double"), col(PredictionTable.PREDICTION))
                .limit(SAMPLE_POINTS).collectAsList().stream()
                .map(r -> new double[] {r.getDouble(0), r.getDouble(1)}).toList();
        return new Regression(metrics.count(), metrics.meanSquaredError(), metrics.rootMeanSquaredError(),
                metrics.meanAbsoluteError(), metrics.r2(), sample);
    }

    /** A console table: overall numbers, then one line per class and the confusion matrix. */
    public static List<String> lines(Classification c) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%,d examples  accuracy %.4f  macro precision %.4f  recall %.4f  f1 %.4f  roc-auc %.4f"
                + "  pr-auc %.4f", c.examples(), c.accuracy(), c.macro().get("precision"), c.macro().get("recall"),
                c.macro().get("f1"), c.macro().get("roc_auc"), c.macro().get("pr_auc")));
        lines.add(String.format("%-12s %9s %9s %9s %9s %9s %9s", "class", "precision", "recall", "f1", "roc-auc",
                "pr-auc", "support"));
        c.perClass().forEach((name, m) -> lines.add(String.format("%-12s %9.4f %9.4f %9.4f %9.4f %9.4f %,9.0f", name,
                m.get("precision"), m.get("recall"), m.get("f1"), m.get("roc_auc"), m.get("pr_auc"), m.get("support"))));
        lines.add("confusion matrix (rows: true class, columns: predicted class):");
        StringBuilder header = new StringBuilder(String.format("%-12s", ""));
        c.labels().forEach(l -> header.append(String.format(" %8s", l)));
        lines.add(header.toString());
        for (int i = 0; i < c.labels().size(); i++) {
            StringBuilder row = new StringBuilder(String.format("%-12s", c.labels().get(i)));
            for (long n : c.confusion()[i]) {
                row.append(String.format(" %8d", n));
            }
            lines.add(row.toString());
        }
        return lines;
    }

    public static List<String> lines(Regression r) {
        return List.of(String.format("%,d examples  mse %.4f  rmse %.4f  mae %.4f  r2 %.4f", r.examples(), r.mse(),
                r.rmse(), r.mae(), r.r2()));
    }
}
