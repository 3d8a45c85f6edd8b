package io.sparktrain.trainer.score;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Input rows made ready for a bundle's pipeline, and the account of what was read.
 *
 * @param rows        rows the pipeline transforms: the columns it was trained on, plus ids and label if present
 * @param rejects     rows left out, each with its reason (tables only)
 * @param rowsIn      rows read from the input
 * @param rejected    rows in {@code rejects}
 * @param passThrough input columns copied into the predictions (ids, label, file names)
 * @param label       the column with the true class index or value, when the input has labels
 */
public record ScoreInput(Dataset<Row> rows, Optional<Dataset<Row>> rejects, long rowsIn, long rejected,
        List<String> passThrough, Optional<String> label) {
    public ScoreInput {
        passThrough = List.copyOf(passThrough);
    }
}
