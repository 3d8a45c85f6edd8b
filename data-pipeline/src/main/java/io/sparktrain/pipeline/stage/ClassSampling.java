package io.sparktrain.pipeline.stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Brings every class to an exact number of rows by repeating or dropping whole rows, chosen by a
 * seeded random rank within the class ({@link ClassRanks}): the row of rank r in a class of n rows
 * with target t appears {@code t / n} times, plus once more if {@code r < t % n}. Below the class
 * size that keeps a uniform random sample of t rows; above it, every row at least once.
 */
final class ClassSampling {
    private ClassSampling() {
    }

    /** The training rows of {@code stage}'s label, each class brought to the count {@code targets} gives it. */
    static Dataset<Row> rebalance(Dataset<?> training, ImbalanceParams stage,
            Function<ClassCounts, Map<Object, Long>> targets) {
        stage.requireLabel(training.schema());
        Dataset<Row> rows = training.toDF();
        ClassCounts counts = ClassCounts.of(rows, stage.getLabelCol());
        return toTargets(rows, stage.getLabelCol(), stage.getSeed(), counts, targets.apply(counts));
    }

    private static Dataset<Row> toTargets(Dataset<Row> rows, String labelCol, long seed, ClassCounts counts,
            Map<Object, Long> targets) {
        int labelIndex = rows.schema().fieldIndex(labelCol);
        JavaRDD<Row> sampled = ClassRanks.of(rows, labelCol, seed).flatMap(ranked -> {
            Object label = ranked._1().get(labelIndex);
            long copies = ClassRanks.share(targets.get(label), counts.count(label), ranked._2());
            List<Row> out = new ArrayList<>(Collections.nCopies((int) copies, ranked._1()));
            return out.iterator();
        });
        return rows.sparkSession().createDataFrame(sampled, rows.schema());
    }
}
