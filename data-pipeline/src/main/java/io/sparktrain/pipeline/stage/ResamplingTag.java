package io.sparktrain.pipeline.stage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a fitted imbalance stage reaches the estimator that trains after it in a plain Spark ML
 * {@code Pipeline}. Spark's {@code Pipeline.fit} hands each estimator only the rows the stages
 * before it transformed, and a fitted imbalance stage must not resample in {@code transform} (the
 * fitted pipeline transforms validation, test and scoring rows too). So its {@code transform} leaves
 * the rows alone and marks the label column's metadata with the stage: its kind, uid, params and
 * fitted class counts. An estimator that trains on rows so marked rebuilds the stage with
 * {@link #find} and resamples its training rows, after holding out its validation rows: resampling
 * at fit, identity at transform, as imbalanced-learn's pipeline does. Column metadata is how Spark's
 * own stages pass facts on (StringIndexer's class names), and it survives the stages in between.
 */
public final class ResamplingTag {
    /** The label column's metadata key that holds the stage. */
    public static final String KEY = "sparktrain_resampling";

    private static final Map<String, BiFunction<String, ClassCounts, ImbalanceModel<?>>> STAGES = Map.of(
            RandomOversamplerModel.class.getSimpleName(), RandomOversamplerModel::new,
            RandomUndersamplerModel.class.getSimpleName(), RandomUndersamplerModel::new,
            SmoteModel.class.getSimpleName(), SmoteModel::new,
            ClassWeightModel.class.getSimpleName(), ClassWeightModel::new);

    private ResamplingTag() {
    }

    /** The label column's metadata with this stage added. */
    static Metadata mark(Metadata label, ImbalanceModel<?> model) {
        MetadataBuilder params = new MetadataBuilder();
        for (Param<?> param : model.params()) {
            if (model.isDefined(param)) {
                params.putString(param.name(), encode(model, param));
            }
        }
        List<Object> labels = new ArrayList<>(model.fittedCounts().counts().keySet());
        MetadataBuilder stage = new MetadataBuilder()
                .putString("stage", model.getClass().getSimpleName())
                .putString("uid", model.uid())
                .putMetadata("params", params.build())
                .putDoubleArray("labels", labels.stream().mapToDouble(l -> ((Number) l).doubleValue()).toArray())
                .putLongArray("counts", labels.stream().mapToLong(model.fittedCounts()::count).toArray());
        return new MetadataBuilder().withMetadata(label).putMetadata(KEY, stage.build()).build();
    }

    /**
     * The imbalance stage that marked a column of these rows, rebuilt as it was fitted; empty when
     * none did.
     *
     * @throws IllegalArgumentException when two columns are marked: two imbalance stages in one pipeline
     */
    public static Optional<ImbalanceModel<?>> find(StructType schema) {
        List<StructField> marked = new ArrayList<>();
        for (StructField field : schema.fields()) {
            if (field.metadata().contains(KEY)) {
                marked.add(field);
            }
        }
        if (marked.size() > 1) {
            throw new IllegalArgumentException("columns " + marked.stream().map(StructField::name).toList()
                    + " are each balanced by an imbalance stage; keep one imbalance stage in the pipeline");
        }
        return marked.stream().findFirst().map(field -> rebuild(field.metadata().getMetadata(KEY)));
    }

    private static ImbalanceModel<?> rebuild(Metadata stage) {
        String kind = stage.getString("stage");
        BiFunction<String, ClassCounts, ImbalanceModel<?>> create = STAGES.get(kind);
        if (create == null) {
            throw new IllegalArgumentException("unknown imbalance stage '" + kind + "' in column metadata "
                    + KEY + "; known: " + STAGES.keySet());
        }
        double[] labels = stage.getDoubleArray("labels");
        long[] counts = stage.getLongArray("counts");
        Map<Object, Long> fitted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            fitted.put(labels[i], counts[i]);
        }
        ImbalanceModel<?> model = create.apply(stage.getString("uid"), new ClassCounts("label", fitted));
        Metadata params = stage.getMetadata("params");
        ParamMap values = new ParamMap();
        for (Param<?> param : model.params()) {
            if (params.contains(param.name())) {
                put(values, param, params.getString(param.name()));
            }
        }
        return model.copy(values);
    }

    @SuppressWarnings("unchecked")
    private static String encode(ImbalanceModel<?> model, Param<?> param) {
        Param<Object> typed = (Param<Object>) param;
        return typed.jsonEncode(model.getOrDefault(typed));
    }

    @SuppressWarnings("unchecked")
    private static void put(ParamMap values, Param<?> param, String json) {
        Param<Object> typed = (Param<Object>) param;
        values.put(typed, typed.jsonDecode(json));
    }
}
