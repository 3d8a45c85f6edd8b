package io.sparktrain.trainer.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums a float array across N workers, every worker ending with the same sums: a ring allreduce
 * over TCP. Each worker sends to the next rank and receives from the previous one; the array is cut
 * into N chunks, summed chunk by chunk around the ring (reduce-scatter, N-1 steps), then the summed
 * chunks travel around once more (allgather, N-1 steps). Each worker sends and receives 2(N-1)/N of
 * the array per call whatever N is, and every worker adds the same numbers in the same order, so
 * all end with bit-identical sums.
 *
 * <p>Connections are authenticated with the run's secret ({@link PeerHandshake}); a connection that
 * fails the handshake is closed and the worker keeps waiting for its real neighbour. Every read and
 * every send gives up after the timeout, and {@link #close()} closes the sockets, so a dead or
 * failed neighbour fails this worker instead of hanging it.
 */
final class RingAllreduce implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingAllreduce.class);
    /** Longest a stranger may hold the accept loop with an unfinished handshake. */
    private static final long HANDSHAKE_MILLIS = 10_000;
    private static final long CONNECT_RETRY_MILLIS = 50;

    /** Where the time of {@link #sum} calls went, in nanoseconds, summed over calls. */
    record Timings(long calls, long waitNanos, long transferNanos) {}

    private final int rank;
    private final int size;
    private final long timeoutMillis;
    /** Null for a ring of one. */
    private final Socket toNext;
    private final Socket fromPrevious;
    private final OutputStream out;
    private final InputStream in;
    /** Sends on its own thread while this one receives: with every worker sending first, chunks larger than the
     *  sockets' buffers would deadlock. */
    private final ExecutorService sender;
    private final int refused;
    private byte[] sendBytes = new byte[0];
    private byte[] receiveBytes = new byte[0];
    private long calls;
    private long waitNanos;
    private long transferNanos;
    private long firstByteAt;

    private RingAllreduce(int rank, int size, long timeoutMillis, Socket toNext, Socket fromPrevious,
            ExecutorService sender, int refused) throws IOException {
        this.rank = rank;
        this.size = size;
        this.timeoutMillis = timeoutMillis;
        this.toNext = toNext;
        this.fromPrevious = fromPrevious;
        this.sender = sender;
        this.refused = refused;
        this.out = toNext == null ? null : toNext.getOutputStream();
        this.in = fromPrevious == null ? null : fromPrevious.getInputStream();
    }

    /**
     * Joins the ring as {@code rank}: connects to rank + 1 and accepts rank - 1 (mod N), both
     * authenticated with {@code secret}. Closes {@code server} once its neighbour is in, so no one
     * else can connect.
     *
     * @param peers  every rank's listening address, in rank order
     * @param server this rank's listening socket, already bound to {@code peers.get(rank)}
     */
    static RingAllreduce join(int rank, List<InetSocketAddress> peers, ServerSocket server, byte[] secret,
            Duration timeout) throws IOException {
        int size = peers.size();
        long timeoutMillis = timeout.toMillis();
        if (size == 1) {
            server.close();
            return new RingAllreduce(0, 1, timeoutMillis, null, null, null, 0);
        }
        int next = (rank + 1) % size;
        int previous = (rank - 1 + size) % size;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "allreduce-send-" + rank);
            thread.setDaemon(true);
            return thread;
        });
        Socket toNext = null;
        Socket fromPrevious = null;
        try {
            // Accepting on the sender thread while this one connects: every rank does both at once.
            Future<Accepted> accepting = sender.submit(() -> acceptRank(server, previous, secret, deadline, timeoutMillis));
            toNext = connect(peers.get(next), rank, secret, deadline, timeoutMillis);
            Accepted accepted = await(accepting, deadline, "rank " + rank + " got no authenticated connection from rank "
                    + previous + " within " + timeout.toSeconds() + " s");
            fromPrevious = accepted.socket;
            return new RingAllreduce(rank, size, timeoutMillis, toNext, fromPrevious, sender, accepted.refused);
        } catch (IOException | RuntimeException e) {
            closeQuietly(toNext);
            closeQuietly(fromPrevious);
            sender.shutdownNow();
            throw e;
        } finally {
            server.close();
        }
    }

    int size() {
        return size;
    }

    /** Connections this rank refused while waiting for its neighbour (strangers, wrong secrets). */
    int refusedConnections() {
        return refused;
    }

    Timings timings() {
        return new Timings(calls, waitNanos, transferNanos);
    }

    /** Replaces {@code data} on every rank with the elementwise sum of all ranks' arrays, which must be equally long. */
    void sum(float[] data) throws IOException {
        if (size == 1) {
            return;
        }
        long start = System.nanoTime();
        firstByteAt = 0;
        int largestChunk = (data.length + size - 1) / size;
        if (sendBytes.length < largestChunk * Float.BYTES) {
            sendBytes = new byte[largestChunk * Float.BYTES];
            receiveBytes = new byte[largestChunk * Float.BYTES];
        }
        for (int step = 0; step < size - 1; step++) {
            exchange(data, rank - step, rank - step - 1, true);
        }
        // Now this rank holds the full sum of chunk rank + 1; pass the summed chunks around.
        for (int step = 0; step < size - 1; step++) {
            exchange(data, rank + 1 - step, rank - step, false);
        }
        long end = System.nanoTime();
        if (firstByteAt == 0) {
            firstByteAt = end;
        }
        calls++;
        // Until the first bytes arrive this rank waits for the slowest neighbour to finish its step.
        waitNanos += firstByteAt - start;
        transferNanos += end - firstByteAt;
    }

    private void exchange(float[] data, int sendChunk, int receiveChunk, boolean add) throws IOException {
        int sendFrom = chunkFrom(sendChunk, data.length);
        int sendLength = chunkTo(sendChunk, data.length) - sendFrom;
        int receiveFrom = chunkFrom(receiveChunk, data.length);
        int receiveLength = chunkTo(receiveChunk, data.length) - receiveFrom;

        ByteBuffer.wrap(sendBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(data, sendFrom, sendLength);
        int sendByteCount = sendLength * Float.BYTES;
        Future<Void> sent = sender.submit(() -> {
            out.write(sendBytes, 0, sendByteCount);
            out.flush();
            return null;
        });
        readFully(receiveLength * Float.BYTES);
        FloatBuffer received = ByteBuffer.wrap(receiveBytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        if (add) {
            for (int i = 0; i < receiveLength; i++) {
                data[receiveFrom + i] += received.get(i);
            }
        } else {
            received.get(data, receiveFrom, receiveLength);
        }
        await(sent, System.currentTimeMillis() + timeoutMillis, "rank " + rank + " could not send to rank "
                + (rank + 1) % size + " within " + timeoutMillis / 1000 + " s");
    }

    /** First element of chunk {@code chunk}, taken mod N. */
    private int chunkFrom(int chunk, int length) {
        return (int) ((long) Math.floorMod(chunk, size) * length / size);
    }

    /** One past the last element of chunk {@code chunk}, taken mod N. */
    private int chunkTo(int chunk, int length) {
        return (int) ((long) (Math.floorMod(chunk, size) + 1) * length / size);
    }

    private void readFully(int byteCount) throws IOException {
        int read = 0;
        while (read < byteCount) {
            int n;
            try {
                n = in.read(receiveBytes, read, byteCount - read);
            } catch (SocketTimeoutException e) {
                throw new IOException("rank " + rank + " received nothing from rank " + (rank - 1 + size) % size + " at "
                        + fromPrevious.getRemoteSocketAddress() + " for " + timeoutMillis / 1000
                        + " s (train.allreduce.timeout); it is dead or stuck", e);
            }
            if (n < 0) {
                throw new IOException("rank " + (rank - 1 + size) % size + " at " + fromPrevious.getRemoteSocketAddress()
                        + " closed the connection: it failed or was stopped");
            }
            if (firstByteAt == 0) {
                firstByteAt = System.nanoTime();
            }
            read += n;
        }
    }

    @Override
    public void close() {
        closeQuietly(toNext);
        closeQuietly(fromPrevious);
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    private record Accepted(Socket socket, int refused) {}

    /** Accepts connections until one proves the secret as {@code expectedRank}; refuses and counts the others. */
    private static Accepted acceptRank(ServerSocket server, int expectedRank, byte[] secret, long deadline,
            long timeoutMillis) throws IOException {
        int refused = 0;
        while (true) {
            server.setSoTimeout(remainingMillis(deadline));
            Socket socket = server.accept();
            try {
                socket.setSoTimeout((int) Math.min(HANDSHAKE_MILLIS, remainingMillis(deadline)));
                int rank = PeerHandshake.asServer(socket, secret);
                if (rank == expectedRank) {
                    configure(socket);
                    socket.setSoTimeout((int) timeoutMillis);
                    return new Accepted(socket, refused);
                }
                LOG.warn("allreduce: refused {}: it proved the secret as rank {}, not the expected rank {}",
                        socket.getRemoteSocketAddress(), rank, expectedRank);
            } catch (IOException e) {
                LOG.warn("allreduce: refused a connection from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
            closeQuietly(socket);
            refused++;
        }
    }

    private static Socket connect(InetSocketAddress address, int rank, byte[] secret, long deadline, long timeoutMillis)
            throws IOException {
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(address, remainingMillis(deadline));
                socket.setSoTimeout(remainingMillis(deadline));
                PeerHandshake.asClient(socket, secret, rank);
                configure(socket);
                socket.setSoTimeout((int) timeoutMillis);
                return socket;
            } catch (ConnectException e) {
                closeQuietly(socket);
                if (System.currentTimeMillis() + CONNECT_RETRY_MILLIS >= deadline) {
                    throw new IOException("rank " + rank + " could not connect to its neighbour at " + address, e);
                }
                sleep(CONNECT_RETRY_MILLIS);
            } catch (IOException | RuntimeException e) {
                closeQuietly(socket);
                throw e;
            }
        }
    }

    private static void configure(Socket socket) throws IOException {
        // Chunks are sent whole; without this the tail of each waits for the previous one's acknowledgement.
        socket.setTcpNoDelay(true);
    }

    /** At least 1 ms: a socket timeout of 0 would mean "wait forever". */
    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("the allreduce timeout passed while the ring was being set up");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static <T> T await(Future<T> future, long deadline, String timeoutMessage) throws IOException {
        try {
            return future.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException(timeoutMessage, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a neighbour", e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", socket, e.getMessage());
        }
    }
}
