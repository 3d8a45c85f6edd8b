package io.sparktrain.pipeline.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkException;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Training texts and their hand counts (lower-cased): the 3; a, cat, dog, sat 2 each; mat, on 1.
 * Most frequent first, ties in string order: the, a, cat, dog, sat, mat, on.
 */
@LocalSpark(threads = 2)
class TextSequencerTest {
    private static final List<String> TRAINING = List.of("the cat sat on the mat", "The dog sat", "a cat, a dog!");
    private static SparkSession spark;

    private static Dataset<Row> texts(List<String> texts, int partitions) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    private static double[][] column(Dataset<Row> rows, String name) {
        return rows.orderBy("id").select(name).collectAsList().stream()
                .map(r -> ((Vector) r.get(0)).toArray()).toArray(double[][]::new);
    }

    @Test
    void vocabularyIsTheMostFrequentTokensWithTiesInStringOrder() {
        TextSequencerModel model = new TextSequencer().setVocabSize(4).fit(texts(TRAINING, 2));
        assertEquals(List.of("the", "a", "cat", "dog"), model.vocabulary());
        assertEquals(6, model.indexCount(), "padding, out-of-vocabulary and 4 tokens");
    }

    @Test
    void minCountDropsRareTokensAndPartitioningDoesNotChangeTheVocabulary() {
        List<String> expected = List.of("the", "a", "cat", "dog", "sat");
        for (int partitions : new int[] {1, 3}) {
            TextSequencerModel model = new TextSequencer().setMinCount(2).fit(texts(TRAINING, partitions));
            assertEquals(expected, model.vocabulary(), partitions + " partitions");
        }
    }

    @Test
    void textsBecomeIndicesPaddedAtTheEndOrCutToTheirFirstTokensWithMasks() {
        TextSequencerModel model = new TextSequencer().setVocabSize(4).setSequenceLength(5).fit(texts(TRAINING, 2));
        Dataset<Row> out = model.transform(texts(List.of("the cat sat on the mat", "The dog sat", "a cat, a dog!", "",
                "zebra"), 2));

        assertEquals(SQLDataTypes.VectorType(), out.schema().apply("tokenIndices").dataType());
        double[][] indices = column(out, "tokenIndices");
        assertArrayEquals(new double[] {2, 4, 1, 1, 2}, indices[0], "truncated: the first five tokens stay; sat, on are OOV");
        assertArrayEquals(new double[] {2, 5, 1, 0, 0}, indices[1], "padded with 0 at the end");
        assertArrayEquals(new double[] {3, 4, 3, 5, 0}, indices[2]);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, indices[3], "an empty text is all padding");
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, indices[4], "an unseen token is OOV, not padding");

        double[][] masks = column(out, "tokenMask");
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, masks[0]);
        assertArrayEquals(new double[] {1, 1, 1, 0, 0}, masks[1]);
        assertArrayEquals(new double[] {1, 1, 1, 1, 0}, masks[2]);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, masks[3]);
        assertArrayEquals(new double[] {1, 0, 0, 0, 0}, masks[4]);
    }

    @Test
    void emailHeadersAreSkippedWhenFittingAndWhenTransforming() {
        List<String> mails = List.of("Subject: free money\r\nFrom: x@y\r\n\r\nhello friend\r\nhello",
                "Subject: money money\n\nfriend");
        TextSequencerModel model = new TextSequencer().setSkipHeaders(true).setSequenceLength(3)
                .setOutputCol("ids").setMaskCol("m").fit(texts(mails, 2));
        assertEquals(List.of("friend", "hello"), model.vocabulary(), "no header token counted");
        double[][] ids = column(model.transform(texts(List.of("Subject: money\n\nmoney friend"), 1)), "ids");
        assertArrayEquals(new double[] {1, 2, 0}, ids[0]);
    }

    @Test
    void caseIsKeptWhenLowercaseIsOff() {
        TextSequencerModel model = new TextSequencer().setLowercase(false).setTokenPattern("[A-Za-z]+")
                .fit(texts(List.of("The the THE the"), 1));
        assertEquals(List.of("the", "THE", "The"), model.vocabulary());
    }

    @Test
    void schemaProblemsAreAllReportedBeforeAnyJob() {
        Dataset<Row> rows = spark.createDataFrame(List.of(RowFactory.create(1, 2.0)),
                new StructType().add("text", DataTypes.IntegerType).add("tokenMask", DataTypes.DoubleType));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextSequencer().setTokenPattern("[a-").fit(rows));
        String message = e.getMessage();
        assertTrue(message.contains("inputCol 'text' has type int"), message);
        assertTrue(message.contains("output column 'tokenMask' already exists"), message);
        assertTrue(message.contains("tokenPattern '[a-' is not a regex"), message);

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new TextSequencer().setInputCol("body").fit(rows));
        assertTrue(missing.getMessage().contains("inputCol 'body' is not a column; the columns are [text, tokenMask]"),
                missing.getMessage());
    }

    @Test
    void paramsOutsideTheirRangeAreRefusedWhenSet() {
        assertThrows(IllegalArgumentException.class, () -> new TextSequencer().setVocabSize(0));
        assertThrows(IllegalArgumentException.class, () -> new TextSequencer().setVocabSize(TextSequencerParams.MAX_VOCAB_SIZE + 1));
        assertThrows(IllegalArgumentException.class, () -> new TextSequencer().setSequenceLength(0));
        assertThrows(IllegalArgumentException.class, () -> new TextSequencer().setMinCount(0));
    }

    @Test
    void nullTextFailsTheFitNamingTheColumn() {
        Dataset<Row> rows = texts(Arrays.asList("fine", null), 1);
        SparkException e = assertThrows(SparkException.class, () -> new TextSequencer().fit(rows));
        assertTrue(causes(e).contains("column 'text' has a null text"), causes(e));
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
