package io.sparktrain.trainer.ml;

import io.sparktrain.pipeline.batch.FeatureSpec;
import io.sparktrain.trainer.engine.Network;
import io.sparktrain.trainer.engine.ThreadPlan;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A trained DL4J network as a Spark ML {@code Transformer}: appends {@code rawPrediction},
 * {@code probability}, {@code prediction} (and optionally the predicted class name) for a
 * classifier, or {@code prediction} for a regression. Inference is batched per partition with
 * the network broadcast once and restored once per executor thread, never per row. Saves and
 * loads on any Hadoop filesystem, alone or inside a {@code PipelineModel}.
 */
public final class NetworkModel extends Model<NetworkModel> implements NetworkParams, MLWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Declarations declarations;
    private final NetworkBlob network;
    /** What fit trained on; like Spark's model summaries, kept in memory only. */
    private transient TrainingSummary summary;

    NetworkModel(String uid, String task, NetworkBlob network) {
        this.uid = uid;
        this.declarations = Declarations.of(this);
        this.network = network;
        setNetworkDefaults(task);
    }

    /**
     * Wraps a network trained outside an estimator (the CLI's train job) as a pipeline stage.
     *
     * @param labels class names by index; empty for a regression
     */
    public static NetworkModel of(Network network, List<String> labels) {
        NetworkModel model = new NetworkModel(Identifiable.randomUID("networkModel"),
                labels.isEmpty() ? REGRESSION : CLASSIFICATION, NetworkBlob.of(network));
        return model.setLabels(labels);
    }

    public static MLReader<NetworkModel> read() {
        return new NetworkModelReader();
    }

    public static NetworkModel load(String path) {
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

    /** A copy of the trained network, e.g. to inspect or fine-tune it with plain DL4J. */
    public Network network() {
        return network.restore();
    }

    /** Whether this model knows what it was trained on: a model fitted in this JVM does, a loaded one does not. */
    public boolean hasSummary() {
        return summary != null;
    }

    /** What the estimator trained the network on, e.g. how many rows an imbalance stage resampled it to. */
    public TrainingSummary summary() {
        if (summary == null) {
            throw new IllegalStateException("NetworkModel " + uid + " has no training summary: only a model fitted"
                    + " in this JVM has one (it is not saved); check hasSummary() first");
        }
        return summary;
    }

    void setSummary(TrainingSummary value) {
        summary = value;
    }

    NetworkBlob blob() {
        return network;
    }

    public NetworkModel setFeaturesCol(String value) {
        return (NetworkModel) set(featuresCol(), value);
    }

    public NetworkModel setMaskCol(String value) {
        return (NetworkModel) set(maskCol(), value);
    }

    public NetworkModel setPredictionCol(String value) {
        return (NetworkModel) set(predictionCol(), value);
    }

    public NetworkModel setProbabilityCol(String value) {
        return (NetworkModel) set(probabilityCol(), value);
    }

    public NetworkModel setRawPredictionCol(String value) {
        return (NetworkModel) set(rawPredictionCol(), value);
    }

    public NetworkModel setPredictedLabelCol(String value) {
        return (NetworkModel) set(predictedLabelCol(), value);
    }

    public NetworkModel setBatchSize(int value) {
        return (NetworkModel) set(batchSize(), value);
    }

    public NetworkModel setLabels(List<String> value) {
        return (NetworkModel) set(labels(), value.toArray(String[]::new));
    }

    /** @throws IllegalArgumentException for a graph with several outputs: its columns would show one output only */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        int outputs = network.graph() ? network.network().outputCount() : 1;
        if (outputs > 1) {
            throw new IllegalArgumentException("NetworkModel " + uid + ": the network has " + outputs + " outputs, and"
                    + " this model writes the prediction columns of one; call network() for the DL4J ComputationGraph"
                    + " and its output(...) gives every output");
        }
        StructType output = transformSchema(dataset.schema());
        Dataset<Row> rows = dataset.toDF();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext());
        Broadcast<NetworkBlob> broadcast = sc.broadcast(network);
        FeatureSpec features = getMaskCol().isEmpty() ? FeatureSpec.vector(getFeaturesCol())
                : FeatureSpec.sequence(getFeaturesCol(), getMaskCol());
        PartitionScorer scorer = new PartitionScorer(broadcast, rows.schema(), features, getBatchSize(),
                PredictionColumns.of(this), scoringThreads(sc.getConf()));
        return rows.mapPartitions(scorer, Encoders.row(output));
    }

    /** Native threads per scoring task: the cores of an executor shared by the tasks it runs at once. */
    private static int scoringThreads(SparkConf conf) {
        return ThreadPlan.sharedByConcurrentTasks(conf, Runtime.getRuntime().availableProcessors());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return predictionSchema(schema);
    }

    @Override
    public NetworkModel copy(ParamMap extra) {
        NetworkModel copy = copyValues(new NetworkModel(uid, getTask(), network), extra);
        copy.setSummary(summary);
        return copy.setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new NetworkModelWriter(this);
    }

    @Override
    public String toString() {
        return "NetworkModel: uid=" + uid + ", " + getTask() + (isClassification() ? ", classes " + getLabels() : "");
    }
}
