package io.sparktrain.trainer.job;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import io.sparktrain.config.DataInputs;
import io.sparktrain.config.DataSection;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.table.NumericColumns;
import io.sparktrain.pipeline.table.TableReader;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A table made ready for training: read, labels typed, rows without a label left out (counted),
 * test rows held out when there is no test table, and the feature pipeline fitted on the training
 * rows only and applied to both.
 */
final class TableData {
    private TableData() {
    }

    static PreparedRows prepare(SparkSession spark, DataSection data, long seed) {
        DataInputs.Table table = data.table().orElseThrow();
        FeaturePlan plan = table.section().features();
        TableReader reader = new TableReader(spark);
        Dataset<Row> raw = reader.read(table.train(), table.section().options()).cache();
        long read = raw.count();
        Dataset<Row> labelled = labelled(raw, data, table.train()).cache();
        long withLabel = labelled.count();
        Dataset<Row> trainRows = labelled;
        Dataset<Row> testRows;
        if (table.test().isPresent()) {
            testRows = labelled(reader.read(table.test().get(), table.section().options()), data, table.test().get());
        } else {
            HoldOut.Parts parts = new HoldOut(table.testFraction(), seed).split(labelled);
            trainRows = parts.kept();
            testRows = parts.heldOut();
        }
        if (plan.missing().equals("drop")) {
            String[] features = plan.columns().toArray(String[]::new);
            trainRows = trainRows.na().drop(features);
            testRows = testRows.na().drop(features);
        }
        trainRows = trainRows.cache();
        long kept = trainRows.count();
        if (kept == 0) {
            throw new DataSourceException(table.train() + ": no training rows left of " + read + " (" + (read - withLabel)
                    + " without a label" + (plan.missing().equals("drop") ? ", the rest dropped for a missing feature" : "")
                    + "); check data.table.label, pipeline.missing and the data");
        }
        PipelineModel fitted = FeaturePipeline.of(plan).fit(trainRows);
        Dataset<Row> test = fitted.transform(testRows).cache();
        long testCount = test.count();
        if (testCount == 0) {
            throw new DataSourceException("no test rows: " + table.test().orElse("the held-out rows of " + table.train())
                    + " hold none with a label; set data.table.test or a larger data.table.test-fraction");
        }
        String testFrom = table.test().map(uri -> " from " + uri)
                .orElse(String.format(" held out (%.0f%% of the rows)", table.testFraction() * 100));
        List<String> report = List.of(
                String.format("table %s: %,d rows read, %,d without a label left out", table.train(), read, read - withLabel),
                String.format("training on %,d rows%s, testing on %,d rows%s", kept,
                        plan.missing().equals("drop") ? " with every feature present" : "", testCount, testFrom));
        Map<String, Double> baselines = data.regression()
                ? Map.of(PreparedRows.MEAN_BASELINE_RMSE, meanBaselineRmse(trainRows, test)) : Map.of();
        return new PreparedRows(fitted.transform(trainRows), test, fitted, kept, report, baselines);
    }

    private static double meanBaselineRmse(Dataset<Row> train, Dataset<Row> test) {
        double mean = train.agg(avg(col(LabelColumn.LABEL_COL))).first().getDouble(0);
        Column error = col(LabelColumn.LABEL_COL).minus(mean);
        return Math.sqrt(test.agg(avg(error.multiply(error))).first().getDouble(0));
    }

    /** Features typed as doubles and the label as a class index or a number, checked with file and column named. */
    private static Dataset<Row> labelled(Dataset<Row> rows, DataSection data, String uri) {
        DataInputs.Table table = data.table().orElseThrow();
        Dataset<Row> typed = NumericColumns.asDoubles(rows, table.section().features().columns(), uri,
                "data.table.features");
        String label = table.section().label();
        NumericColumns.requirePresent(typed, List.of(label), uri, "data.table.label");
        Dataset<Row> withLabel = LabelColumn.withoutMissing(typed, label);
        return data.regression() ? LabelColumn.regression(withLabel, label, uri)
                : LabelColumn.classes(withLabel, label, data.labels(), uri);
    }
}
