package io.sparktrain.trainer.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the allreduce workers of an epoch learn each other's listening addresses: a small TCP
 * server on the driver, one per run. Spark's {@code BarrierTaskContext.allGather} does the same,
 * but in Spark 3.5 it returns no sooner than a second after it is called ({@code runBarrier} polls
 * its reply with {@code Thread.sleep(1000)}): a second per epoch, a quarter of the MNIST MLP's
 * epoch on 2 cores. Here every worker is answered as soon as the last one has registered.
 *
 * <p>A worker connects, proves the run's secret ({@link PeerHandshake}, its rank as its identity),
 * and sends the epoch (round), the barrier stage's attempt, the number of workers and its own
 * address. Once every worker of that round and attempt has registered, each gets all addresses in
 * rank order. Registrations of an attempt that a later one replaced (a task failed and Spark reran
 * the stage) are dropped.
 */
public final class RingRendezvous implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RingRendezvous.class);
    /** Longest a connection may take to prove itself and register; it holds up the accept loop meanwhile. */
    private static final int REGISTRATION_MILLIS = 10_000;
    /** More workers than any Spark job has task slots: a registration claiming more is garbage. */
    private static final int MAX_WORKERS = 65_536;

    private record Round(int epoch, int attempt) {
        boolean before(Round other) {
            return epoch < other.epoch || epoch == other.epoch && attempt < other.attempt;
        }
    }

    /** The workers of one round and attempt registered so far, their connections held open until all are in. */
    private static final class Group {
        final String[] addresses;
        final Socket[] sockets;
        int registered;

        Group(int workers) {
            addresses = new String[workers];
            sockets = new Socket[workers];
        }
    }

    private final ServerSocket server;
    private final String advertisedHost;
    private final byte[] secret;
    /** Touched only by the accept thread. */
    private final Map<Round, Group> groups = new HashMap<>();
    private final Thread acceptor;

    private RingRendezvous(ServerSocket server, String advertisedHost, byte[] secret) {
        this.server = server;
        this.advertisedHost = advertisedHost;
        this.secret = secret;
        this.acceptor = new Thread(this::acceptLoop, "allreduce-rendezvous");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on an ephemeral port of {@code bindHost}.
     *
     * @param advertisedHost the host the workers connect to (the driver's {@code spark.driver.host})
     */
    public static RingRendezvous start(String bindHost, String advertisedHost, byte[] secret) throws IOException {
        RingRendezvous rendezvous = new RingRendezvous(new ServerSocket(0, 64, InetAddress.getByName(bindHost)),
                advertisedHost, secret);
        rendezvous.acceptor.start();
        return rendezvous;
    }

    /** The address workers connect to. */
    public InetSocketAddress address() {
        return InetSocketAddress.createUnresolved(advertisedHost, server.getLocalPort());
    }

    /**
     * A worker's side: registers {@code ownAddress} as {@code rank} of {@code workers} and waits for
     * the others.
     *
     * @return every worker's address, in rank order
     */
    public static String[] gather(InetSocketAddress rendezvous, byte[] secret, int rank, int epoch, int attempt,
            int workers, String ownAddress, Duration timeout) throws IOException {
        InetSocketAddress resolved = new InetSocketAddress(rendezvous.getHostString(), rendezvous.getPort());
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = new Socket()) {
            try {
                socket.connect(resolved, timeoutMillis);
            } catch (ConnectException | SocketTimeoutException e) {
                throw new IOException("allreduce rank " + rank + " cannot reach the driver's rendezvous at " + resolved
                        + " (" + e.getMessage() + "): executors must be able to open TCP connections to the driver's host"
                        + " (spark.driver.host) on any port", e);
            }
            socket.setSoTimeout(timeoutMillis);
            PeerHandshake.asClient(socket, secret, rank);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(epoch);
            out.writeInt(attempt);
            out.writeInt(workers);
            out.writeUTF(ownAddress);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            try {
                int count = in.readInt();
                if (count != workers) {
                    throw new IOException("the driver's rendezvous answered " + count + " addresses, not " + workers);
                }
                String[] addresses = new String[count];
                for (int i = 0; i < count; i++) {
                    addresses[i] = in.readUTF();
                }
                return addresses;
            } catch (SocketTimeoutException e) {
                throw new IOException("allreduce rank " + rank + " waited " + timeout.toSeconds() + " s (train.allreduce.timeout) at the"
                        + " driver's rendezvous for the other " + (workers - 1) + " workers", e);
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("allreduce rendezvous: accept failed: {}", e.getMessage());
                }
                continue;
            }
            try {
                socket.setSoTimeout(REGISTRATION_MILLIS);
                register(socket);
            } catch (IOException | RuntimeException e) {
                LOG.warn("allreduce rendezvous: refused a connection from {}: {}", socket.getRemoteSocketAddress(),
                        e.getMessage());
                closeQuietly(socket);
            }
        }
        groups.values().forEach(RingRendezvous::closeAll);
    }

    private void register(Socket socket) throws IOException {
        int rank = PeerHandshake.asServer(socket, secret);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        Round round = new Round(in.readInt(), in.readInt());
        int workers = in.readInt();
        String address = in.readUTF();
        if (workers < 1 || workers > MAX_WORKERS || rank < 0 || rank >= workers) {
            throw new IOException("rank " + rank + " of " + workers + " workers is not a worker");
        }
        Group group = groups.computeIfAbsent(round, r -> new Group(workers));
        if (group.addresses.length != workers) {
            throw new IOException("rank " + rank + " says " + workers + " workers; its peers said "
                    + group.addresses.length);
        }
        if (group.sockets[rank] == null) {
            group.registered++;
        } else {
            closeQuietly(group.sockets[rank]);
        }
        group.sockets[rank] = socket;
        group.addresses[rank] = address;
        if (group.registered == workers) {
            answer(group);
            groups.remove(round);
            dropOlderThan(round);
        }
    }

    /** Sends every worker of a complete group all addresses, then closes the connections. */
    private static void answer(Group group) {
        for (Socket socket : group.sockets) {
            try {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(group.addresses.length);
                for (String address : group.addresses) {
                    out.writeUTF(address);
                }
                out.flush();
            } catch (IOException e) {
                // That worker is gone; its peers will find out when they connect to it.
                LOG.warn("allreduce rendezvous: could not answer {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            }
        }
        closeAll(group);
    }

    /** Stage attempts that a completed later round or attempt replaced will never complete. */
    private void dropOlderThan(Round completed) {
        for (Iterator<Map.Entry<Round, Group>> it = groups.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Round, Group> entry = it.next();
            if (entry.getKey().before(completed)) {
                closeAll(entry.getValue());
                it.remove();
            }
        }
    }

    private static void closeAll(Group group) {
        for (Socket socket : group.sockets) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        try {
            acceptor.join(REGISTRATION_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", closeable, e.getMessage());
        }
    }
}
