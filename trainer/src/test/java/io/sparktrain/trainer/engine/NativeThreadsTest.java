package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What {@link NativeThreads}' javadoc promises: one count for the whole JVM, set by the last call,
 * read the same from every thread, so two tasks of one executor share it rather than each keeping its own.
 */
class NativeThreadsTest {
    private int before;

    @BeforeEach
    void remember() {
        Nd4j.getBackend();
        before = NativeThreads.current();
    }

    @AfterEach
    void restore() {
        NativeThreads.limitTo(before);
    }

    /** Runs in a thread of its own, as a Spark task would: a fresh thread has OpenMP's default count. */
    private static <T> T inAnotherThread(Supplier<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return CompletableFuture.supplyAsync(work, thread).get();
        } finally {
            thread.shutdown();
        }
    }

    private static Void limit(int threads) {
        NativeThreads.limitTo(threads);
        return null;
    }

    @Test
    void aCountSetByOneTaskIsTheCountOfEveryThread() throws Exception {
        inAnotherThread(() -> limit(1));
        assertEquals(1, NativeThreads.current(), "the thread that did not set it");
        assertEquals(1, (int) inAnotherThread(NativeThreads::current), "a thread started later");
    }

    @Test
    void theLastCallSetsTheCountForEveryThread() throws Exception {
        assumeTrue(Nd4j.getEnvironment().maxThreads() >= 2, "needs a pool of two threads or more");
        inAnotherThread(() -> limit(1));
        inAnotherThread(() -> limit(2));
        assertEquals(2, NativeThreads.current());
        inAnotherThread(() -> limit(1));
        assertEquals(1, (int) inAnotherThread(NativeThreads::current));
    }

    @Test
    void aCountAboveThePoolIsCappedAtThePool() throws Exception {
        int pool = Nd4j.getEnvironment().maxThreads();
        inAnotherThread(() -> limit(pool * 4));
        assertEquals(pool, NativeThreads.current());
    }
}
