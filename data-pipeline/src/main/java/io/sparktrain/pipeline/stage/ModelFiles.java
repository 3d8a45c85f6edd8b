package io.sparktrain.pipeline.stage;

import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.json4s.JsonAST;
import org.json4s.MonadicJValue;
import org.json4s.StringInput;
import org.json4s.jackson.JsonMethods$;
import scala.Option;

/**
 * Where a fitted model with data keeps its files, laid out as Spark's own models do:
 * {@code path/metadata} (class, uid, params, Spark version, written by Spark's
 * {@code DefaultParamsWriter}) and {@code path/data} (the fitted statistics). The metadata also
 * records a {@code dataVersion}, so that a later release that changes the data layout can tell
 * old bundles apart instead of misreading them.
 */
final class ModelFiles {
    private static final String DATA_VERSION = "dataVersion";

    private ModelFiles() {
    }

    static String dataPath(String path) {
        return new Path(path, "data").toString();
    }

    static void saveMetadata(Params model, String path, SparkContext sc, int dataVersion) {
        JsonAST.JValue extra = JsonMethods$.MODULE$.parse(
                new StringInput("{\"" + DATA_VERSION + "\":" + dataVersion + "}"), false, true);
        DefaultParamsWriter.saveMetadata(model, path, sc, Option.apply((JsonAST.JObject) extra), Option.empty());
    }

    /**
     * Reads the metadata and checks that it belongs to {@code type} and that its data version is
     * the one this code reads; the caller builds the model with its uid and sets its params.
     */
    static DefaultParamsReader.Metadata loadMetadata(String path, SparkContext sc, Class<?> type, int dataVersion) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc, type.getName());
        JsonAST.JValue saved = new MonadicJValue(metadata.metadata()).$bslash(DATA_VERSION);
        if (!(saved instanceof JsonAST.JInt version) || version.num().intValue() != dataVersion) {
            throw new IllegalArgumentException("'" + path + "' holds a " + type.getSimpleName() + " with "
                    + DATA_VERSION + " " + saved.values() + "; this code reads version " + dataVersion);
        }
        return metadata;
    }
}
