package io.sparktrain.pipeline.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class one local SparkSession, started before its first test and stopped after its
 * last, so that no session outlives its class: Spark's {@code getOrCreate} would otherwise hand a
 * later class this class's session, settings and all. The session goes into the class's static
 * {@code SparkSession} fields and to any {@code SparkSession} parameter of its constructor, tests and
 * lifecycle methods. {@link LocalSparkExtension} does the work.
 *
 * <pre>
 * &#64;LocalSpark(threads = 2)
 * class SomeTest {
 *     private static SparkSession spark;
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalSparkExtension.class)
public @interface LocalSpark {
    /** Spark's worker threads: the session's master is {@code local[threads]}. */
    int threads();

    /** How the session is built; by default the plain {@link TestSpark} session. */
    Class<? extends SparkSessionFactory> factory() default TestSpark.class;
}
