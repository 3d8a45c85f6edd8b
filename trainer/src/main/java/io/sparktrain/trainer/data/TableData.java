package io.sparktrain.trainer.data;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.avg;

import io.sparktrain.config.DataInputs;
import io.sparktrain.config.DataSection;
import io.sparktrain.config.OutputLabel;
import io.sparktrain.config.TableSection;
import io.sparktrain.pipeline.check.CheckSpec;
import io.sparktrain.pipeline.check.CheckedTable;
import io.sparktrain.pipeline.check.RejectsWriter;
import io.sparktrain.pipeline.check.TableCheck;
import io.sparktrain.pipeline.column.Columns;
import io.sparktrain.pipeline.report.ColumnReport;
import io.sparktrain.pipeline.report.ColumnStatistics;
import io.sparktrain.pipeline.report.DataReport;
import io.sparktrain.pipeline.report.DataReportTable;
import io.sparktrain.pipeline.report.InputReport;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.table.ClassCounts;
import io.sparktrain.pipeline.table.FeaturePipeline;
import io.sparktrain.pipeline.table.FeaturePlan;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.table.NumericColumns;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.trainer.bundle.BundleDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A table made ready for training: read, checked (bad rows fail, are rejected into the bundle or
 * have bad values made missing), labels typed, test rows held out when there is no test table,
 * and the feature pipeline fitted on the training rows only and applied to both; what happened
 * is written to the bundle as the data report. Class rebalancing is handed to the job as a
 * function, so that it touches only the rows the network trains on. A graph with several outputs
 * gets one target column per output ({@code LabelColumn.targetOf}).
 */
public final class TableData {
    private TableData() {
    }

    /** @param inputSize model.input.size, checked against the fitted pipeline's feature vector */
    public static PreparedRows prepare(SparkSession spark, DataSection data, long seed, BundleDirectory bundle, int inputSize) {
        DataInputs.Table table = data.table().orElseThrow();
        FeaturePlan plan = table.section().features();
        TableReader reader = new TableReader(spark);
        List<InputReport> inputs = new ArrayList<>();
        Dataset<Row> labelled = checked(reader, data, table.train(), "train", bundle, inputs).cache();
        Dataset<Row> trainRows = labelled;
        Dataset<Row> testRows;
        if (table.test().isPresent()) {
            testRows = checked(reader, data, table.test().get(), "test", bundle, inputs);
        } else {
            HoldOut holdOut = new HoldOut(table.testFraction(), seed);
            HoldOut.Parts parts = classColumn(data).map(column -> holdOut.splitStratified(labelled, column))
                    .orElseGet(() -> holdOut.split(labelled));
            trainRows = parts.kept();
            testRows = parts.heldOut();
        }
        Dataset<Row> checkedTrainRows = trainRows.cache();
        List<String> dropped = plan.dropColumns();
        if (!dropped.isEmpty()) {
            String[] quoted = Columns.quoted(dropped);
            trainRows = trainRows.na().drop(quoted).cache();
            testRows = testRows.na().drop(quoted);
        }
        long kept = trainRows.count();
        if (kept == 0) {
            throw new DataSourceException(table.train() + ": no training rows left of " + inputs.get(0).rowsKept()
                    + (dropped.isEmpty() ? " after the hold-out" : ", all dropped for a missing feature")
                    + "; check pipeline.missing, data.table.test-fraction and the data");
        }
        PipelineModel fitted = FeaturePipeline.of(plan).fit(trainRows);
        Dataset<Row> test = fitted.transform(testRows).cache();
        long testCount = test.count();
        if (testCount == 0) {
            throw new DataSourceException("no test rows: " + table.test().orElse("the held-out rows of " + table.train())
                    + " hold none with a label; set data.table.test or a larger data.table.test-fraction");
        }
        String testFrom = table.test().map(uri -> "from " + uri)
                .orElse(String.format("held out (%.0f%% of the rows)", table.testFraction() * 100));
        Dataset<Row> train = fitted.transform(trainRows);
        checkWidth(train, plan, inputSize);
        List<ColumnReport> columns = ColumnStatistics.after(ColumnStatistics.before(checkedTrainRows, plan.columns()),
                train, FeaturePlan.FEATURES_COL);
        Map<String, Long> trainClasses = classCounts(checkedTrainRows, data);
        List<Double> weights = FeaturePipeline.classWeights(fitted)
                .map(byClass -> IntStream.range(0, data.numClasses()).mapToObj(c -> byClass.getOrDefault((double) c, 1.0))
                        .toList())
                .orElse(List.of());
        // Class weights act through the loss; every other method changes the training rows themselves.
        Optional<UnaryOperator<Dataset<Row>>> rebalance = weights.isEmpty() ? FeaturePipeline.resampler(fitted)
                .map(resampler -> rows -> resampler.resample(rows)) : Optional.empty();
        // Resampling runs later, on the rows the network trains on (after any validation hold-out), and the job
        // records those counts then; until it has, the report's classes after resampling are empty.
        Map<String, Long> afterResampling = rebalance.isPresent() ? Map.of() : trainClasses;
        DataReport report = new DataReport(inputs, kept, testCount, testFrom, columns, trainClasses, afterResampling,
                classCounts(test, data));
        bundle.writeDataReport(report);
        Map<String, Double> baselines = data.regression() && !table.section().multiOutput()
                ? Map.of(PreparedRows.MEAN_BASELINE_RMSE, meanBaselineRmse(trainRows, test)) : Map.of();
        List<String> lines = new ArrayList<>(DataReportTable.lines(report));
        if (!weights.isEmpty()) {
            lines.add("class weights in the loss, by class " + data.labels() + ": " + weights);
        }
        return new PreparedRows(train, test, fitted, kept, lines, baselines, rebalance.orElse(UnaryOperator.identity()),
                weights);
    }

    /** A categorical column's width is known once fitted: the vector must match model.input.size. */
    private static void checkWidth(Dataset<Row> train, FeaturePlan plan, int inputSize) {
        int width = ((Vector) train.select(col(FeaturePlan.FEATURES_COL)).first().get(0)).size();
        if (width != inputSize) {
            throw new DataSourceException("model.input.size is " + inputSize + " but the fitted pipeline makes "
                    + width + " features (" + plan.columns().size() + " numeric, " + plan.missing().indicators().size()
                    + " indicators" + (plan.categorical().isEmpty() ? "" : ", then " + plan.categorical() + " encoded "
                            + plan.encoding() + " with an unknown category each") + "); set model.input.size = " + width);
        }
    }

    /** The label's rows per class; none for a regression, nor for several outputs, which the report does not break down. */
    private static Map<String, Long> classCounts(Dataset<Row> rows, DataSection data) {
        return data.regression() ? Map.of()
                : ClassCounts.of(rows, col(data.table().orElseThrow().section().label()), data.labels());
    }

    /** The label column whose class balance a hold-out keeps: the label's, or the first output's that holds classes. */
    private static Optional<String> classColumn(DataSection data) {
        TableSection section = data.table().orElseThrow().section();
        if (section.multiOutput()) {
            return section.outputs().stream().filter(o -> !o.regression()).map(OutputLabel::column).findFirst();
        }
        return data.regression() ? Optional.empty() : Optional.of(section.label());
    }

    /** Every label the section names, with its classes (none for a number to predict). */
    private static List<CheckSpec.Label> labels(DataSection data) {
        TableSection section = data.table().orElseThrow().section();
        return section.multiOutput()
                ? section.outputs().stream().map(o -> new CheckSpec.Label(o.column(), o.classes())).toList()
                : List.of(new CheckSpec.Label(section.label(), data.labels()));
    }

    /** The labels as the minibatcher reads them: a class index or a number, in one target column per label. */
    private static Dataset<Row> targets(Dataset<Row> rows, DataSection data) {
        TableSection section = data.table().orElseThrow().section();
        if (!section.multiOutput()) {
            return data.regression() ? LabelColumn.target(rows, section.label())
                    : LabelColumn.index(rows, section.label(), data.labels());
        }
        Dataset<Row> typed = rows;
        for (OutputLabel output : section.outputs()) {
            String target = LabelColumn.targetOf(output.output());
            typed = output.regression() ? LabelColumn.target(typed, output.column(), target)
                    : LabelColumn.index(typed, output.column(), output.classes(), target);
        }
        return typed;
    }

    private static double meanBaselineRmse(Dataset<Row> train, Dataset<Row> test) {
        double mean = train.agg(avg(col(LabelColumn.LABEL_COL))).first().getDouble(0);
        Column error = col(LabelColumn.LABEL_COL).minus(mean);
        return Math.sqrt(test.agg(avg(error.multiply(error))).first().getDouble(0));
    }

    /**
     * One input table read and checked, its rejects written to the bundle, its report added to
     * {@code inputs}: the kept rows with the label as a class index or a number.
     */
    private static Dataset<Row> checked(TableReader reader, DataSection data, String uri, String split,
            BundleDirectory bundle, List<InputReport> inputs) {
        DataInputs.Table table = data.table().orElseThrow();
        CheckSpec spec = new CheckSpec(table.section().features().columns(), labels(data), table.section().badRows(),
                split.equals("train"), table.section().options().schema());
        Dataset<Row> read = reader.read(uri, table.section().options());
        NumericColumns.requirePresent(read, table.section().features().categorical(), uri, "data.table.categorical");
        CheckedTable checked = new TableCheck(spec).check(read, uri);
        String rejects = bundle.rejectsUri(split);
        if (checked.rowsRejected() > 0) {
            RejectsWriter.write(checked.rejected(), rejects);
        }
        inputs.add(InputReport.of(split, checked, rejects));
        return targets(checked.kept(), data);
    }
}
