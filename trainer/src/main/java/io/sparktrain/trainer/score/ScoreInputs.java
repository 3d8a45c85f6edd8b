package io.sparktrain.trainer.score;

import io.sparktrain.config.DataInputs;
import io.sparktrain.config.DataSection;
import io.sparktrain.config.TextSection;
import io.sparktrain.pipeline.check.BadRowPolicy;
import io.sparktrain.pipeline.check.CheckSpec;
import io.sparktrain.pipeline.check.CheckedTable;
import io.sparktrain.pipeline.check.TableCheck;
import io.sparktrain.pipeline.fs.HadoopConf;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.pipeline.source.TextColumnSource;
import io.sparktrain.pipeline.source.TextFolderSource;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.table.TableOptions;
import io.sparktrain.pipeline.table.TableReader;
import io.sparktrain.trainer.bundle.BundleReader.LoadedBundle;
import io.sparktrain.trainer.data.TextDocuments;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads data to score in the format the bundle was trained on ({@code data.format} of its config):
 * IDX images (labels optional), a table (label column optional), or text folders.
 */
public final class ScoreInputs {
    private ScoreInputs() {
    }

    /**
     * @param labelsUri IDX only: a labels file matching the images, or null
     * @param labelled  whether the input must carry labels (evaluation)
     */
    public static ScoreInput read(SparkSession spark, LoadedBundle bundle, String inputUri, String labelsUri,
            boolean labelled) {
        DataSection data = bundle.config().data();
        return switch (data.format()) {
            case "idx" -> images(spark, bundle, inputUri, labelsUri, labelled);
            case "text" -> text(spark, data, inputUri);
            default -> table(spark, data, inputUri, labelled);
        };
    }

    private static ScoreInput images(SparkSession spark, LoadedBundle bundle, String input, String labels,
            boolean labelled) {
        if (labelled && labels == null) {
            throw new DataSourceException("the bundle " + bundle.uri() + " was trained on IDX images: pass their"
                    + " labels file with --labels URI to evaluate");
        }
        IdxImageSource source = new IdxImageSource(spark);
        Dataset<Row> rows = labels == null ? source.readImages(input, 0) : source.read(input, labels, 0);
        int expected = bundle.manifest().path("inputSize").asInt();
        int size = IdxImageSource.readHeader(input, new HadoopConf(spark.sparkContext().hadoopConfiguration()))
                .itemSize();
        if (size != expected) {
            throw new DataSourceException("IDX file " + input + " holds images of " + size + " values, but the bundle "
                    + bundle.uri() + " was trained on images of " + expected + "; score images of the training size");
        }
        Optional<String> label = Optional.ofNullable(labels).map(l -> IdxImageSource.LABEL_COL);
        List<String> passThrough = labels == null ? List.of(IdxImageSource.INDEX_COL)
                : List.of(IdxImageSource.INDEX_COL, IdxImageSource.LABEL_COL);
        return new ScoreInput(rows, Optional.empty(), rows.count(), 0, passThrough, label);
    }

    /**
     * Documents as at training. Folders always name the class; a CSV may come without its label column,
     * and then its other columns (ids) pass through without the documents themselves.
     */
    private static ScoreInput text(SparkSession spark, DataSection data, String input) {
        TextSection section = data.text().orElseThrow().section();
        Dataset<Row> documents = TextDocuments.read(spark, section, input, data.partitions());
        boolean labelled = TextColumnSource.labelled(documents);
        Dataset<Row> rows = (labelled ? LabelColumn.classes(documents, TextFolderSource.LABEL_COL, data.labels(), input)
                : documents).cache();
        List<String> passThrough = section.fromTable()
                ? Arrays.stream(documents.columns()).filter(c -> !c.equals(section.column())
                        && !c.equals(TextFolderSource.TEXT_COL)).toList()
                : List.of(TextFolderSource.PATH_COL, TextFolderSource.LABEL_COL);
        return new ScoreInput(rows, Optional.empty(), rows.count(), 0, passThrough,
                labelled ? Optional.of(LabelColumn.LABEL_COL) : Optional.empty());
    }

    /**
     * A table checked as at training, except that bad rows (malformed record, a feature that is not
     * a finite number, and when evaluating an unknown or missing label) are always left out to the
     * rejects with their reason: scoring a big input should not fail on a few bad rows, and
     * rows in = scored + rejected keeps every one of them accounted for.
     */
    private static ScoreInput table(SparkSession spark, DataSection data, String input, boolean labelled) {
        DataInputs.Table table = data.table().orElseThrow();
        String labelName = table.section().label();
        // Unlabelled input has no label column: a headerless file's fields are the other declared columns.
        TableOptions options = labelled ? table.section().options() : table.section().options().without(labelName);
        Dataset<Row> raw = new TableReader(spark).read(input, options);
        List<String> columns = Arrays.stream(raw.columns()).filter(c -> !c.equals(TableReader.CORRUPT_RECORD)).toList();
        if (labelled && !columns.contains(labelName)) {
            throw new DataSourceException(input + " has no label column '" + labelName + "' (data.table.label of the"
                    + " bundle); its columns are " + columns);
        }
        CheckSpec spec = new CheckSpec(table.section().features().columns(),
                labelled ? Optional.of(labelName) : Optional.empty(), data.labels(), BadRowPolicy.SKIP, false,
                options.schema());
        CheckedTable checked = new TableCheck(spec).check(raw, input);
        Dataset<Row> rows = checked.kept();
        Optional<String> label = Optional.empty();
        if (labelled) {
            rows = data.regression() ? LabelColumn.target(rows, labelName) : LabelColumn.index(rows, labelName, data.labels());
            label = Optional.of(LabelColumn.LABEL_COL);
        }
        return new ScoreInput(rows.cache(), checked.rowsRejected() > 0 ? Optional.of(checked.rejected()) : Optional.empty(),
                checked.rowsRead(), checked.rowsRejected(), columns, label);
    }
}
