package io.sparktrain.trainer.data;

import io.sparktrain.config.ConfigKeys;
import io.sparktrain.config.DataInputs;
import io.sparktrain.config.DataSection;
import io.sparktrain.config.TextSection;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.TextColumnSource;
import io.sparktrain.pipeline.source.TextFolderSource;
import io.sparktrain.pipeline.split.HoldOut;
import io.sparktrain.pipeline.table.LabelColumn;
import io.sparktrain.pipeline.text.TextSequencer;
import io.sparktrain.pipeline.text.TextSequencerModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Documents made ready for an embedding network: read from one folder per class or a CSV column, test documents
 * held out when there is no test folder, and the vocabulary fitted on the training documents only
 * (a {@link TextSequencer} in the saved pipeline) turning every document into padded token indices
 * with a mask.
 */
public final class TextData {
    public static final String TOKENS_COL = "tokens";
    public static final String MASK_COL = "tokens_mask";

    private TextData() {
    }

    public static PreparedRows prepare(SparkSession spark, DataSection data, long seed) {
        DataInputs.Text text = data.text().orElseThrow();
        // Cached as read: the hold-out split, the training rows and the test rows each pass over the documents,
        // and each pass would open every file again.
        Dataset<Row> documents = labelled(spark, text.train(), data).cache();
        Dataset<Row> train = documents;
        Dataset<Row> test;
        if (text.test().isPresent()) {
            test = labelled(spark, text.test().get(), data);
        } else {
            HoldOut.Parts parts = new HoldOut(text.testFraction(), seed).splitStratified(train, LabelColumn.LABEL_COL);
            train = parts.kept();
            test = parts.heldOut();
        }
        train = train.cache();
        long trainRows = train.count();
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {sequencer(text.section())}).fit(train);
        Dataset<Row> testRows = fitted.transform(test).cache();
        long testCount = testRows.count();
        if (train != documents) {
            documents.unpersist(); // split: the training and test rows hold their own cached copies now
        }
        int vocabulary = ((TextSequencerModel) fitted.stages()[0]).vocabulary().size();
        List<String> report = List.of(
                String.format("text %s: %,d training documents (%s), %,d test documents%s", text.train(), trainRows,
                        classCounts(train), testCount, text.test().map(uri -> " from " + uri)
                                .orElse(String.format(" held out (%.0f%%)", text.testFraction() * 100))),
                String.format("vocabulary: %,d words (cap %,d, seen at least %d times), sequences of %d tokens",
                        vocabulary, text.section().vocabSize(), text.section().minCount(),
                        text.section().sequenceLength()));
        return new PreparedRows(fitted.transform(train), testRows, fitted, trainRows, report, Map.of());
    }

    private static TextSequencer sequencer(TextSection section) {
        return new TextSequencer().setInputCol(TextFolderSource.TEXT_COL).setOutputCol(TOKENS_COL).setMaskCol(MASK_COL)
                .setVocabSize(section.vocabSize()).setMinCount(section.minCount())
                .setSequenceLength(section.sequenceLength()).setLowercase(section.lowercase())
                .setSkipHeaders(section.skipHeaders());
    }

    /**
     * Class index from the folder name or the label column; a class not in data.labels fails with its
     * name, and a CSV without the label column with the column it looked for.
     */
    private static Dataset<Row> labelled(SparkSession spark, String uri, DataSection data) {
        TextSection section = data.text().orElseThrow().section();
        Dataset<Row> documents = TextDocuments.read(spark, section, uri, data.partitions());
        if (!TextColumnSource.labelled(documents)) {
            throw new DataSourceException(uri + " has no label column '" + section.label() + "' (data.text.label) to"
                    + " train on; its columns are " + Arrays.asList(documents.columns()));
        }
        return LabelColumn.classes(documents, TextFolderSource.LABEL_COL, data.labels(), uri, ConfigKeys.SETTINGS);
    }

    private static String classCounts(Dataset<Row> documents) {
        return documents.groupBy(TextFolderSource.LABEL_COL).count().orderBy(TextFolderSource.LABEL_COL)
                .collectAsList().stream().map(r -> String.format("%s %,d", r.getString(0), r.getLong(1)))
                .collect(Collectors.joining(", "));
    }
}
