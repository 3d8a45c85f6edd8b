package io.sparktrain.pipeline.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A unit test class that runs whole training jobs or trains on a real dataset: tens of seconds to
 * minutes on a 2-core machine. {@code scripts/test --fast} leaves these out (by their JUnit tag,
 * {@value #TAG}); {@code scripts/test} runs them. Integration tests ({@code *IT}) need no tag: only
 * Failsafe runs them, and {@code --fast} runs Surefire alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(SlowTest.TAG)
public @interface SlowTest {
    /** The tag {@code scripts/test --fast} excludes. */
    String TAG = "slow";
}
