package io.sparktrain.pipeline.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;

/**
 * The save/load contract of Spark ML's own stages, after Spark's {@code DefaultReadWriteTest}: a
 * stage saves, refuses to save over itself unless told to overwrite, and loads through its class's
 * static {@code read()} and {@code load(path)} (what {@code PipelineModel.load} and Java users
 * call) with the same uid and params.
 */
public final class DefaultReadWrite {
    private DefaultReadWrite() {
    }

    /** Saves {@code stage} under {@code dir}, checks the contract, and returns the loaded copy. */
    @SuppressWarnings("unchecked")
    public static <T extends Params & MLWritable> T roundTrip(T stage, Path dir) throws ReflectiveOperationException,
            IOException {
        String path = dir.resolve(stage.uid()).toUri().toString();
        stage.save(path);
        assertThrows(IOException.class, () -> stage.save(path), "a second save without overwrite");
        stage.write().overwrite().save(path);

        MLReader<T> reader = (MLReader<T>) stage.getClass().getMethod("read").invoke(null);
        T loaded = reader.load(path);
        assertNotSame(stage, loaded);
        assertEquals(stage.getClass(), loaded.getClass());
        assertEquals(stage.uid(), loaded.uid());
        assertSameParams(stage, loaded);

        T again = (T) stage.getClass().getMethod("load", String.class).invoke(null, path);
        assertEquals(stage.uid(), again.uid());
        return loaded;
    }

    /**
     * Every param of {@code expected} is in the same state in {@code actual}: set or only defaulted
     * (a stage may treat the two differently, e.g. override a spec only where a param is set), and
     * with the same value (arrays by content).
     */
    public static void assertSameParams(Params expected, Params actual) {
        for (Param<?> param : expected.params()) {
            String name = param.name();
            Param<Object> other = actual.getParam(name);
            assertEquals(expected.isSet(param), actual.isSet(other), name + " set");
            assertEquals(expected.hasDefault(param), actual.hasDefault(other), name + " has a default");
            assertEquals(expected.isDefined(param), actual.isDefined(other), name + " defined");
            if (expected.isDefined(param)) {
                Object value = expected.getOrDefault(param);
                Object loaded = actual.getOrDefault(other);
                if (value instanceof Object[] values) {
                    assertArrayEquals(values, (Object[]) loaded, name);
                } else {
                    assertEquals(value, loaded, name);
                }
            }
        }
    }
}
