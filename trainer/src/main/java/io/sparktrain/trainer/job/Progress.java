package io.sparktrain.trainer.job;

import io.sparktrain.trainer.engine.EpochResult;
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
        String validation = r.validation().isEmpty() ? "" : String.format("  val loss %.4f  val accuracy %.4f",
                r.validation().get("loss"), r.validation().get("accuracy"));
        String loss = r.trainLoss() == null ? "n/a" : String.format("%.4f", r.trainLoss());
        LOG.info(String.format("epoch %d/%d  loss %s%s  test accuracy %.4f  f1 %.4f  %,.0f examples/s"
                        + "  epoch %.1fs (+%.1fs eval)  elapsed %.1fs",
                r.epoch(), epochs, loss, validation, r.test().get("accuracy"), r.test().get("f1"),
                r.examplesPerSecond(), r.fitSeconds(), r.evalSeconds(), r.elapsedSeconds()));
    }
}
