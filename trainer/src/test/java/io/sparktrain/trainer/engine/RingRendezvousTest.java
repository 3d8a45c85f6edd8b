package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The driver's rendezvous on loopback, one thread per worker, as the tasks of a barrier stage use it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RingRendezvousTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final byte[] secret = PeerHandshake.newSecret();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void everyWorkerGetsAllAddressesInRankOrderOnceTheLastRegisters() throws Exception {
        try (RingRendezvous rendezvous = RingRendezvous.start("127.0.0.1", "127.0.0.1", secret)) {
            List<Future<String[]>> workers = register(rendezvous.address(), 2, 0, 0, 3);
            Thread.sleep(200);
            assertFalse(workers.get(0).isDone(), "rank 0 answered before rank 2 registered");
            workers.add(gatherLater(rendezvous.address(), secret, 2, 0, 0, 3));
            for (Future<String[]> worker : workers) {
                assertArrayEquals(new String[] {"host-0:1", "host-1:2", "host-2:3"}, worker.get());
            }
        }
    }

    @Test
    void aWrongSecretIsRefusedAndTheRealWorkersStillMeet() throws Exception {
        try (RingRendezvous rendezvous = RingRendezvous.start("127.0.0.1", "127.0.0.1", secret)) {
            IOException stranger = assertThrows(IOException.class, () -> RingRendezvous.gather(rendezvous.address(),
                    PeerHandshake.newSecret(), 1, 0, 0, 2, "stranger:9", TIMEOUT));
            assertTrue(stranger.getMessage().contains("did not prove this run's allreduce secret"), stranger.getMessage());
            for (Future<String[]> worker : register(rendezvous.address(), 2, 0, 0, 2)) {
                assertArrayEquals(new String[] {"host-0:1", "host-1:2"}, worker.get());
            }
        }
    }

    @Test
    void aRerunStageMeetsAgainAndReleasesTheWorkerLeftWaitingByTheFailedAttempt() throws Exception {
        try (RingRendezvous rendezvous = RingRendezvous.start("127.0.0.1", "127.0.0.1", secret)) {
            // Attempt 0: rank 1 failed before it registered; rank 0 waits.
            Future<String[]> stranded = gatherLater(rendezvous.address(), secret, 0, 4, 0, 2);
            Thread.sleep(200);
            for (Future<String[]> worker : register(rendezvous.address(), 2, 4, 1, 2)) {
                assertArrayEquals(new String[] {"host-0:1", "host-1:2"}, worker.get());
            }
            Exception released = assertThrows(Exception.class, () -> stranded.get(10, TimeUnit.SECONDS));
            assertTrue(released.getCause() instanceof IOException, "the stranded worker ends with " + released);
        }
    }

    @Test
    void anUnreachableDriverIsNamedWithTheSetting() {
        InetSocketAddress closed;
        try (RingRendezvous rendezvous = RingRendezvous.start("127.0.0.1", "127.0.0.1", secret)) {
            closed = rendezvous.address();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        IOException error = assertThrows(IOException.class,
                () -> RingRendezvous.gather(closed, secret, 0, 0, 0, 2, "host-0:1", TIMEOUT));
        assertTrue(error.getMessage().contains("cannot reach the driver's rendezvous at")
                && error.getMessage().contains("spark.driver.host"), error.getMessage());
    }

    /** Ranks 0 .. registering - 1 of {@code workers}, rank r at "host-r:r+1". */
    private List<Future<String[]>> register(InetSocketAddress address, int registering, int epoch, int attempt,
            int workers) {
        List<Future<String[]>> futures = new ArrayList<>();
        for (int rank = 0; rank < registering && rank < workers; rank++) {
            futures.add(gatherLater(address, secret, rank, epoch, attempt, workers));
        }
        return futures;
    }

    private Future<String[]> gatherLater(InetSocketAddress address, byte[] key, int rank, int epoch, int attempt,
            int workers) {
        return threads.submit(() -> RingRendezvous.gather(address, key, rank, epoch, attempt, workers,
                "host-" + rank + ":" + (rank + 1), TIMEOUT));
    }
}
