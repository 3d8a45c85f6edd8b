package io.sparktrain.trainer.ml;

import io.sparktrain.trainer.engine.Network;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A trained network as the bytes DL4J's ModelSerializer writes (no updater state): what a fitted
 * model holds, persists and broadcasts. Each thread that scores gets its own network, restored
 * once: DL4J networks keep per-call state in their layers, so concurrent tasks of one executor
 * must not share an instance, and restoring per batch or per row would dominate scoring time.
 */
final class NetworkBlob implements Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] bytes;
    private final boolean graph;
    private transient ThreadLocal<Network> perThread;

    NetworkBlob(byte[] bytes, boolean graph) {
        this.bytes = bytes;
        this.graph = graph;
    }

    static NetworkBlob of(Network network) {
        return new NetworkBlob(network.toBytes(false), network.isGraph());
    }

    byte[] bytes() {
        return bytes;
    }

    boolean graph() {
        return graph;
    }

    /** This thread's network, restored from the bytes on first use. */
    Network network() {
        synchronized (this) {
            if (perThread == null) {
                perThread = ThreadLocal.withInitial(this::restore);
            }
        }
        return perThread.get();
    }

    /** A fresh network of its own, e.g. to hand to a caller who may train it further. */
    Network restore() {
        try {
            return Network.restore(new ByteArrayInputStream(bytes), graph);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the network (" + bytes.length + " bytes): " + e.getMessage(), e);
        }
    }
}
