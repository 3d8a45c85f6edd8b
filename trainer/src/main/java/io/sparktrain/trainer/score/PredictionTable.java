package io.sparktrain.trainer.score;

import static io.sparktrain.pipeline.column.Columns.col;

import io.sparktrain.trainer.bundle.BundleReader.LoadedBundle;
import io.sparktrain.trainer.ml.ScoringPipeline;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The columns a predictions output holds: the input's pass-through columns (ids, label, file
 * names), then for a classifier the predicted class name, its index and one probability column
 * per class ({@code probability_<class>}: plain numbers, which every format, CSV included, can
 * hold), for a regression the predicted value.
 */
final class PredictionTable {
    static final String PREDICTION = "prediction";
    static final String PROBABILITY_PREFIX = "probability_";

    private PredictionTable() {
    }

    static Dataset<Row> select(Dataset<Row> transformed, ScoreInput input, LoadedBundle bundle) {
        List<Column> columns = new ArrayList<>();
        input.passThrough().forEach(name -> columns.add(col(name)));
        if (bundle.regression()) {
            columns.add(col(PREDICTION));
            return transformed.select(columns.toArray(Column[]::new));
        }
        columns.add(col(ScoringPipeline.PREDICTED_LABEL_COL));
        columns.add(col(PREDICTION));
        Column probabilities = functions.vector_to_array(col("probability"), "float64");
        List<String> labels = bundle.labels();
        for (int i = 0; i < labels.size(); i++) {
            columns.add(probabilities.getItem(i).as(PROBABILITY_PREFIX + labels.get(i)));
        }
        return transformed.select(columns.toArray(Column[]::new));
    }
}
