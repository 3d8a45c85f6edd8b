package io.sparktrain.trainer.runtime;

import io.sparktrain.trainer.engine.EpochResult;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console voice of a job: named, timed steps and one line per epoch. Goes through the
 * {@code io.sparktrain} logger, which conf/log4j2.properties keeps at INFO while Spark and DL4J
 * stay at WARN.
 */
public final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger("io.sparktrain");

    private final int epochs;

    public Progress(int epochs) {
        this.epochs = epochs;
    }

    public void info(String message) {
        LOG.info(message);
    }

    public void epoch(EpochResult r) {
        String validation = r.validation().isEmpty() ? "" : String.format("  val loss %.4f  val %s",
                r.validation().get("loss"), headlineMetric(r.validation()));
        String loss = r.trainLoss() == null ? "n/a" : String.format("%.4f", r.trainLoss());
        String test = r.test().isEmpty() ? "" : "  test " + headline(r.test());
        LOG.info(String.format("epoch %d/%d  loss %s%s%s  %,.0f examples/s"
                        + "  epoch %.1fs (+%.1fs eval)  elapsed %.1fs",
                r.epoch(), epochs, loss, validation, test, r.examplesPerSecond(), r.fitSeconds(),
                r.evalSeconds(), r.elapsedSeconds()));
    }

    /**
     * The metrics a person looks at first: accuracy and F1 of a classifier, rmse, mae and r2 of a
     * regression; of a network with several outputs, each output's accuracy or rmse.
     */
    public static String headline(Map<String, Double> metrics) {
        if (metrics.containsKey("accuracy")) {
            return String.format("accuracy %.4f  f1 %.4f", metrics.get("accuracy"), metrics.get("f1"));
        }
        return metrics.containsKey("rmse")
                ? String.format("rmse %.4f  mae %.4f  r2 %.4f", metrics.get("rmse"), metrics.get("mae"), metrics.get("r2"))
                : perOutput(metrics);
    }

    private static String headlineMetric(Map<String, Double> metrics) {
        if (metrics.containsKey("accuracy")) {
            return String.format("accuracy %.4f", metrics.get("accuracy"));
        }
        return metrics.containsKey("rmse") ? String.format("rmse %.4f", metrics.get("rmse")) : perOutput(metrics);
    }

    /** Each output's accuracy or rmse, from metrics named {@code <output>.<metric>}. */
    private static String perOutput(Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder();
        metrics.forEach((name, value) -> {
            if (name.endsWith(".accuracy") || name.endsWith(".rmse")) {
                line.append(line.length() == 0 ? "" : "  ").append(String.format("%s %.4f", name, value));
            }
        });
        return line.toString();
    }
}
