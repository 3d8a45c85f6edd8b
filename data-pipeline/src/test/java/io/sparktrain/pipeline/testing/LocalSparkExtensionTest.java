package io.sparktrain.pipeline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs an annotated class through JUnit itself, because what matters happens around its tests: the
 * session is there before the first and stopped after the last.
 */
class LocalSparkExtensionTest {

    @Test
    void aClassRunsOnOneSessionOfItsFactoryAndThreadsThatIsStoppedWhenTheClassEnds() {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(
                LauncherDiscoveryRequestBuilder.request().selectors(selectClass(OneThreadMarked.class)).build(), listener);

        TestExecutionSummary summary = listener.getSummary();
        StringWriter failures = new StringWriter();
        summary.printFailuresTo(new PrintWriter(failures), 20);
        assertEquals(2, summary.getTestsSucceededCount(), failures.toString());
        assertTrue(OneThreadMarked.context.get().isStopped(), "the session is stopped after the class");
        assertNull(OneThreadMarked.spark, "the class's field no longer holds the stopped session");
    }

    /** Not run by Maven on its own (Surefire leaves nested classes out): only through the test above. */
    @LocalSpark(threads = 1, factory = Marked.class)
    static class OneThreadMarked {
        private static SparkSession spark;
        /** What the tests saw, for the test above to check once the class has ended. */
        static final AtomicReference<SparkContext> context = new AtomicReference<>();

        @Test
        void theFieldHoldsARunningSessionFromTheFactoryWithOneThread() {
            context.set(spark.sparkContext());
            assertEquals("local[1]", spark.sparkContext().master());
            assertEquals("marked", spark.sparkContext().appName());
            assertFalse(spark.sparkContext().isStopped());
        }

        @Test
        void aParameterGetsTheSameSession(SparkSession parameter) {
            assertSame(spark, parameter);
        }
    }

    /** A factory of the test's own, to see that the annotation's factory builds the session. */
    static final class Marked implements SparkSessionFactory {
        @Override
        public SparkSession start(int threads) {
            return SparkSession.builder().appName("marked").master("local[" + threads + "]")
                    .config("spark.ui.enabled", "false").getOrCreate();
        }
    }
}
