package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ring on loopback, one thread per rank, as the tasks of a local[N] barrier stage run it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RingAllreduceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void everyRankEndsWithTheExactSumsForAnyLengthAndAcrossCalls() throws Exception {
        int size = 3;
        byte[] secret = PeerHandshake.newSecret();
        List<ServerSocket> servers = servers(size);
        List<InetSocketAddress> peers = addresses(servers);
        List<Future<List<float[]>>> ranks = new ArrayList<>();
        // Lengths below, at and above N, uneven splits, and one far larger than the sockets' buffers.
        int[] lengths = {1, 2, 3, 10, 300_001};
        for (int rank = 0; rank < size; rank++) {
            int r = rank;
            ranks.add(threads.submit(() -> {
                try (RingAllreduce ring = RingAllreduce.join(r, peers, servers.get(r), secret, TIMEOUT)) {
                    List<float[]> results = new ArrayList<>();
                    for (int length : lengths) {
                        float[] data = new float[length];
                        for (int i = 0; i < length; i++) {
                            data[i] = (r + 1) * 1000 + i;
                        }
                        ring.sum(data);
                        results.add(data);
                    }
                    assertEquals(lengths.length, ring.timings().calls());
                    return results;
                }
            }));
        }
        for (Future<List<float[]>> rank : ranks) {
            List<float[]> results = rank.get();
            for (int k = 0; k < lengths.length; k++) {
                float[] expected = new float[lengths[k]];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = 6000 + 3 * i;
                }
                assertArrayEquals(expected, results.get(k), "length " + lengths[k]);
            }
        }
    }

    @Test
    void aRingOfOneLeavesTheDataAsItIs() throws Exception {
        List<ServerSocket> servers = servers(1);
        List<InetSocketAddress> peers = addresses(servers);
        try (RingAllreduce ring = RingAllreduce.join(0, peers, servers.get(0), PeerHandshake.newSecret(),
                TIMEOUT)) {
            float[] data = {1, 2, 3};
            ring.sum(data);
            assertArrayEquals(new float[] {1, 2, 3}, data);
        }
    }

    @Test
    void aPeerWithTheWrongSecretIsRefusedAndTheRealNeighbourStillGetsIn() throws Exception {
        byte[] secret = PeerHandshake.newSecret();
        List<ServerSocket> servers = servers(2);
        List<InetSocketAddress> peers = addresses(servers);
        // The impostor connects to rank 1 before rank 0 does, so rank 1 accepts it first.
        Future<?> impostor = threads.submit(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(peers.get(1));
                PeerHandshake.asClient(socket, PeerHandshake.newSecret(), 0);
            }
            return null;
        });
        Thread.sleep(200);
        List<Future<RingAllreduce>> ranks = new ArrayList<>();
        for (int rank = 0; rank < 2; rank++) {
            int r = rank;
            ranks.add(threads.submit(() -> {
                RingAllreduce ring = RingAllreduce.join(r, peers, servers.get(r), secret, TIMEOUT);
                float[] data = {r + 1f};
                ring.sum(data);
                assertArrayEquals(new float[] {3f}, data);
                return ring;
            }));
        }
        Exception refusedByServer = assertThrows(Exception.class, impostor::get);
        assertTrue(refusedByServer.getCause() instanceof PeerHandshake.RefusedException, refusedByServer.toString());
        try (RingAllreduce rank0 = ranks.get(0).get(); RingAllreduce rank1 = ranks.get(1).get()) {
            assertEquals(0, rank0.refusedConnections());
            assertEquals(1, rank1.refusedConnections());
        }
    }

    @Test
    void aServerRefusesAClientWhoseProofIsWrong() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<Integer> serving = threads.submit(() -> {
                try (Socket socket = server.accept()) {
                    return PeerHandshake.asServer(socket, PeerHandshake.newSecret());
                }
            });
            try (Socket client = new Socket(server.getInetAddress(), server.getLocalPort())) {
                assertThrows(PeerHandshake.RefusedException.class,
                        () -> PeerHandshake.asClient(client, PeerHandshake.newSecret(), 0));
            }
            Exception refused = assertThrows(Exception.class, serving::get);
            assertTrue(refused.getCause() instanceof IOException, refused.toString());
        }
    }

    @Test
    void aNeighbourThatDiesFailsTheSumInsteadOfHangingIt() throws Exception {
        byte[] secret = PeerHandshake.newSecret();
        List<ServerSocket> servers = servers(2);
        List<InetSocketAddress> peers = addresses(servers);
        Future<RingAllreduce> rank1 = threads.submit(
                () -> RingAllreduce.join(1, peers, servers.get(1), secret, TIMEOUT));
        try (RingAllreduce rank0 = RingAllreduce.join(0, peers, servers.get(0), secret, TIMEOUT)) {
            rank1.get().close();
            IOException failure = assertThrows(IOException.class, () -> rank0.sum(new float[1000]));
            assertTrue(failure.getMessage().contains("closed the connection"), failure.getMessage());
        }
    }

    @Test
    void aNeighbourThatStaysSilentFailsTheSumAfterTheTimeout() throws Exception {
        byte[] secret = PeerHandshake.newSecret();
        List<ServerSocket> servers = servers(2);
        List<InetSocketAddress> peers = addresses(servers);
        Duration shortTimeout = Duration.ofSeconds(1);
        Callable<RingAllreduce> join1 = () -> RingAllreduce.join(1, peers, servers.get(1), secret,
                shortTimeout);
        Future<RingAllreduce> rank1 = threads.submit(join1);
        try (RingAllreduce rank0 = RingAllreduce.join(0, peers, servers.get(0), secret, shortTimeout);
                RingAllreduce silent = rank1.get()) {
            long start = System.nanoTime();
            IOException failure = assertThrows(IOException.class, () -> rank0.sum(new float[10]));
            assertTrue(failure.getMessage().contains("received nothing"), failure.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        }
    }

    private static List<ServerSocket> servers(int count) throws IOException {
        List<ServerSocket> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
        }
        return servers;
    }

    private static List<InetSocketAddress> addresses(List<ServerSocket> servers) {
        return servers.stream().map(s -> new InetSocketAddress(s.getInetAddress(), s.getLocalPort())).toList();
    }
}
