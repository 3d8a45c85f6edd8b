package io.sparktrain.pipeline.text;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link TextSequencer}: an immutable vocabulary plus the params that say how to
 * tokenize, pad and truncate. It appends a vector of {@code sequenceLength} token indices and a
 * 0/1 mask vector; vectors, because the rest of the pipeline and the batcher speak Spark ML
 * vectors. Saved as Spark metadata plus the vocabulary as Parquet, like Spark's own
 * CountVectorizerModel, so a {@code PipelineModel} holding it saves and loads as one.
 */
public final class TextSequencerModel extends Model<TextSequencerModel> implements TextSequencerParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Declarations declarations;
    private final List<String> vocabulary;

    /** @param vocabulary tokens in index order: the first gets index {@link #FIRST_TOKEN} */
    public TextSequencerModel(String uid, List<String> vocabulary) {
        this.uid = uid;
        this.declarations = Declarations.of(uid);
        this.vocabulary = List.copyOf(vocabulary);
        setSequencerDefaults();
    }

    public static MLReader<TextSequencerModel> read() {
        return new TextSequencerModelReader();
    }

    public static TextSequencerModel load(String path) {
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

    /** The vocabulary, most frequent training token first. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Number of distinct indices the output can hold (padding, out-of-vocabulary, tokens): an embedding's nIn. */
    public int indexCount() {
        return vocabulary.size() + FIRST_TOKEN;
    }

    public TextSequencerModel setInputCol(String value) {
        return (TextSequencerModel) set(inputCol(), value);
    }

    public TextSequencerModel setOutputCol(String value) {
        return (TextSequencerModel) set(outputCol(), value);
    }

    public TextSequencerModel setMaskCol(String value) {
        return (TextSequencerModel) set(maskCol(), value);
    }

    public TextSequencerModel setSequenceLength(int value) {
        return (TextSequencerModel) set(sequenceLength(), value);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        TokenIndexer indexer = new TokenIndexer(TextTokenizer.of(this), vocabulary, getSequenceLength());
        UserDefinedFunction indices = udf((String text) -> Vectors.dense(indexer.indices(text)), SQLDataTypes.VectorType());
        UserDefinedFunction mask = udf((Vector sequence) -> Vectors.dense(TokenIndexer.mask(sequence.toArray())),
                SQLDataTypes.VectorType());
        Dataset<Row> withIndices = dataset.withColumn(getOutputCol(), indices.apply(col(getInputCol())));
        return withIndices.withColumn(getMaskCol(), mask.apply(col(getOutputCol())));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return validateAndTransformSchema(schema);
    }

    @Override
    public TextSequencerModel copy(ParamMap extra) {
        TextSequencerModel copy = copyValues(new TextSequencerModel(uid, vocabulary), extra);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new TextSequencerModelWriter(this);
    }

    @Override
    public String toString() {
        return "TextSequencerModel: uid=" + uid + ", vocabulary=" + vocabulary.size() + " tokens";
    }
}
