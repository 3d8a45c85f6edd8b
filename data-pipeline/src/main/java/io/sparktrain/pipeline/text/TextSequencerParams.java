package io.sparktrain.pipeline.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The params {@link TextSequencer} and {@link TextSequencerModel} share, declared once. Spark
 * finds params by reflection over public no-argument methods returning a {@link Param}; default
 * methods of this public interface qualify, so neither class has to repeat them.
 */
public interface TextSequencerParams extends Params {

    /** The declared params of one stage, all owned by that stage's uid. */
    record Declarations(Param<String> inputCol, Param<String> outputCol, Param<String> maskCol,
            IntParam vocabSize, IntParam minCount, IntParam sequenceLength, BooleanParam lowercase,
            Param<String> tokenPattern, BooleanParam skipHeaders) {

        static Declarations of(String uid) {
            return new Declarations(
                    new Param<>(uid, "inputCol", "string column holding the texts"),
                    new Param<>(uid, "outputCol", "vector column of token indices, sequenceLength long"),
                    new Param<>(uid, "maskCol", "vector column with 1 where a token is and 0 where padding is"),
                    new IntParam(uid, "vocabSize", "most frequent training tokens kept (indices 2..vocabSize+1);"
                            + " at most 2^24, the largest index a float holds exactly",
                            ParamValidators.inRange(1, MAX_VOCAB_SIZE)),
                    new IntParam(uid, "minCount", "least number of occurrences in the training data for a token"
                            + " to enter the vocabulary", ParamValidators.gtEq(1)),
                    new IntParam(uid, "sequenceLength", "tokens per output row: shorter texts are padded at the end,"
                            + " longer ones keep their first sequenceLength tokens", ParamValidators.gtEq(1)),
                    new BooleanParam(uid, "lowercase", "fold texts to lower case before tokenizing"),
                    new Param<>(uid, "tokenPattern", "regex; each match is one token"),
                    new BooleanParam(uid, "skipHeaders", "texts are RFC 822 messages: drop everything before the"
                            + " first empty line"));
        }
    }

    /** Index of padding positions; never a token. */
    int PADDING = 0;
    /** Index of every token that is not in the vocabulary. */
    int OUT_OF_VOCABULARY = 1;
    /** Index of the most frequent vocabulary token; the others follow in vocabulary order. */
    int FIRST_TOKEN = 2;

    /** DL4J arrays carry the indices as floats, which hold whole numbers exactly only up to 2^24. */
    int MAX_VOCAB_SIZE = 1 << 24;

    /** Letters and digits: punctuation and markup are dropped unless a pattern keeps them. */
    String DEFAULT_TOKEN_PATTERN = "[\\p{L}\\p{N}]+";

    Declarations declarations();

    /** Sets every default; each implementing constructor calls this once, after its declarations exist. */
    default void setSequencerDefaults() {
        Declarations d = declarations();
        setDefault(d.inputCol(), "text");
        setDefault(d.outputCol(), "tokenIndices");
        setDefault(d.maskCol(), "tokenMask");
        setDefault(d.vocabSize(), 20_000);
        setDefault(d.minCount(), 1);
        setDefault(d.sequenceLength(), 256);
        setDefault(d.lowercase(), true);
        setDefault(d.tokenPattern(), DEFAULT_TOKEN_PATTERN);
        setDefault(d.skipHeaders(), false);
    }

    default Param<String> inputCol() {
        return declarations().inputCol();
    }

    default Param<String> outputCol() {
        return declarations().outputCol();
    }

    default Param<String> maskCol() {
        return declarations().maskCol();
    }

    default IntParam vocabSize() {
        return declarations().vocabSize();
    }

    default IntParam minCount() {
        return declarations().minCount();
    }

    default IntParam sequenceLength() {
        return declarations().sequenceLength();
    }

    default BooleanParam lowercase() {
        return declarations().lowercase();
    }

    default Param<String> tokenPattern() {
        return declarations().tokenPattern();
    }

    default BooleanParam skipHeaders() {
        return declarations().skipHeaders();
    }

    default String getInputCol() {
        return getOrDefault(inputCol());
    }

    default String getOutputCol() {
        return getOrDefault(outputCol());
    }

    default String getMaskCol() {
        return getOrDefault(maskCol());
    }

    default int getVocabSize() {
        return (Integer) getOrDefault(vocabSize());
    }

    default int getMinCount() {
        return (Integer) getOrDefault(minCount());
    }

    default int getSequenceLength() {
        return (Integer) getOrDefault(sequenceLength());
    }

    default boolean getLowercase() {
        return (Boolean) getOrDefault(lowercase());
    }

    default String getTokenPattern() {
        return getOrDefault(tokenPattern());
    }

    default boolean getSkipHeaders() {
        return (Boolean) getOrDefault(skipHeaders());
    }

    /**
     * Checks the input schema on the driver, before any job, and reports every problem at once;
     * returns the schema with the index and mask vector columns appended.
     */
    default StructType validateAndTransformSchema(StructType schema) {
        List<String> problems = new ArrayList<>();
        List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(getInputCol())) {
            problems.add("inputCol '" + getInputCol() + "' is not a column; the columns are " + names);
        } else if (!schema.apply(getInputCol()).dataType().equals(DataTypes.StringType)) {
            problems.add("inputCol '" + getInputCol() + "' has type " + schema.apply(getInputCol()).dataType()
                    .simpleString() + "; the text sequencer reads strings (cast it, or point inputCol at the text)");
        }
        for (String out : List.of(getOutputCol(), getMaskCol())) {
            if (names.contains(out)) {
                problems.add("output column '" + out + "' already exists; choose another outputCol/maskCol");
            }
        }
        if (getOutputCol().equals(getMaskCol())) {
            problems.add("outputCol and maskCol are both '" + getOutputCol() + "'; they must differ");
        }
        try {
            Pattern.compile(getTokenPattern());
        } catch (PatternSyntaxException e) {
            problems.add("tokenPattern '" + getTokenPattern() + "' is not a regex: " + e.getDescription());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("text sequencer " + uid() + ": " + String.join("; ", problems));
        }
        return schema
                .add(new StructField(getOutputCol(), SQLDataTypes.VectorType(), false, Metadata.empty()))
                .add(new StructField(getMaskCol(), SQLDataTypes.VectorType(), false, Metadata.empty()));
    }
}
