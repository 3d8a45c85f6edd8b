package io.sparktrain.pipeline.text;

import io.sparktrain.pipeline.column.Columns;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.types.StructType;

/**
 * Learns a vocabulary from training texts so that an embedding network can read them as
 * fixed-length sequences of token indices with a mask. Spark ML has tokenizers and bag-of-words
 * counts but nothing that keeps word order at a fixed length; this stage fills that gap as a
 * proper Estimator so the fitted vocabulary travels inside the saved {@code PipelineModel}.
 *
 * <p>Index 0 is padding, 1 is any token outside the vocabulary, and the vocabulary's tokens
 * follow from 2, most frequent first. Counting runs as a Spark job on the executors; only the
 * {@code vocabSize} most frequent tokens reach the driver.
 */
public final class TextSequencer extends Estimator<TextSequencerModel>
        implements TextSequencerParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Declarations declarations;

    public TextSequencer() {
        this(Identifiable.randomUID("textSequencer"));
    }

    public TextSequencer(String uid) {
        this.uid = uid;
        this.declarations = Declarations.of(uid);
        setSequencerDefaults();
    }

    /** Spark's {@code PipelineModel.load} and {@code Pipeline.load} find stages' readers through this. */
    public static MLReader<TextSequencer> read() {
        return new DefaultParamsReader<>();
    }

    public static TextSequencer load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Declarations declarations() {
        return declarations;
    }

    public TextSequencer setInputCol(String value) {
        return (TextSequencer) set(inputCol(), value);
    }

    public TextSequencer setOutputCol(String value) {
        return (TextSequencer) set(outputCol(), value);
    }

    public TextSequencer setMaskCol(String value) {
        return (TextSequencer) set(maskCol(), value);
    }

    public TextSequencer setVocabSize(int value) {
        return (TextSequencer) set(vocabSize(), value);
    }

    public TextSequencer setMinCount(int value) {
        return (TextSequencer) set(minCount(), value);
    }

    public TextSequencer setSequenceLength(int value) {
        return (TextSequencer) set(sequenceLength(), value);
    }

    public TextSequencer setLowercase(boolean value) {
        return (TextSequencer) set(lowercase(), value);
    }

    public TextSequencer setTokenPattern(String value) {
        return (TextSequencer) set(tokenPattern(), value);
    }

    public TextSequencer setSkipHeaders(boolean value) {
        return (TextSequencer) set(skipHeaders(), value);
    }

    @Override
    public TextSequencerModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        TextTokenizer tokenizer = TextTokenizer.of(this);
        List<String> vocabulary = TokenCounts.mostFrequent(
                dataset.select(Columns.col(getInputCol())).as(Encoders.STRING()).javaRDD(), tokenizer, getMinCount(), getVocabSize());
        TextSequencerModel model = new TextSequencerModel(uid, vocabulary).setParent(this);
        return copyValues(model, ParamMap.empty());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    @Override
    public TextSequencer copy(ParamMap extra) {
        return defaultCopy(extra);
    }
}
