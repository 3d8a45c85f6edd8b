package io.sparktrain.trainer.engine;

import java.lang.reflect.Field;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.parameterserver.pw.SharedTrainingWrapper;

/**
 * The network that gradient sharing trains in this JVM. DL4J 1.0.0-M2 keeps it in a JVM-wide
 * {@link SharedTrainingWrapper} and offers no accessor, so it is read from the wrapper's fields; a
 * DL4J version without them fails here with a message instead of silently training unsynchronised.
 */
final class SharingReplica {
    private SharingReplica() {
    }

    /** The replica with one training thread per executor; empty before this JVM's first sharing epoch. */
    static Optional<Model> inThisJvm() {
        try {
            Object wrapper = field("INSTANCE").get(null);
            if (field("wrapper").get(wrapper) != null) {
                // Several training threads (ParallelWrapper): each trains a copy, not the wrapper's model.
                return Optional.empty();
            }
            return Optional.ofNullable((Model) field("originalModel").get(wrapper));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach the network DL4J's SharedTrainingWrapper trains ("
                    + e + "); sparktrain expects deeplearning4j 1.0.0-M2's dl4j-spark-parameterserver", e);
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field field = SharedTrainingWrapper.class.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
