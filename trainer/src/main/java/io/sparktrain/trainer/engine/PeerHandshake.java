package io.sparktrain.trainer.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual challenge/response on a fresh allreduce connection: each side proves it holds the run's
 * secret (HMAC-SHA256 over both sides' random nonces) without sending it, so the ring's ports serve
 * only the tasks of this training run. Every message has a fixed size: a stranger cannot make either
 * side allocate or wait for more than a few bytes.
 *
 * <pre>
 * client -> server: MAGIC, client rank, client nonce
 * server -> client: server nonce, HMAC(secret; "server", client nonce, server nonce, client rank)
 * client -> server: HMAC(secret; "client", server nonce, client nonce, client rank)
 * server -> client: ACCEPTED
 * </pre>
 * The labels keep one side's proof from being replayed as the other's; the nonces make every proof
 * single-use.
 */
public final class PeerHandshake {
    /** Bytes of a run secret and of each nonce. */
    static final int SECRET_BYTES = 32;
    private static final int MAGIC = 0x53_54_41_52;
    private static final int ACCEPTED = 0x4f4b;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Refused: the other side did not prove the secret or did not speak this protocol. */
    static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private PeerHandshake() {
    }

    /** A new run secret, made on the driver. */
    public static byte[] newSecret() {
        return nonce();
    }

    /** The connecting side: proves itself as {@code rank} and checks the server's proof. */
    static void asClient(Socket socket, byte[] secret, int rank) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] clientNonce = nonce();
        out.writeInt(MAGIC);
        out.writeInt(rank);
        out.write(clientNonce);
        out.flush();
        byte[] serverNonce = readBytes(in);
        byte[] serverProof = readBytes(in);
        if (!MessageDigest.isEqual(serverProof, proof(secret, "server", clientNonce, serverNonce, rank))) {
            throw new RefusedException(socket.getRemoteSocketAddress() + " did not prove this run's allreduce secret");
        }
        out.write(proof(secret, "client", serverNonce, clientNonce, rank));
        out.flush();
        if (in.readInt() != ACCEPTED) {
            throw new RefusedException(socket.getRemoteSocketAddress() + " refused this task's proof");
        }
    }

    /**
     * The accepting side: checks the client's proof and proves itself.
     *
     * @return the rank the client proved
     */
    static int asServer(Socket socket, byte[] secret) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        DataInputStream in = new DataInputStream(socket.getInputStream());
        if (in.readInt() != MAGIC) {
            throw new RefusedException(socket.getRemoteSocketAddress() + " does not speak the allreduce protocol");
        }
        int rank = in.readInt();
        byte[] clientNonce = readBytes(in);
        byte[] serverNonce = nonce();
        out.write(serverNonce);
        out.write(proof(secret, "server", clientNonce, serverNonce, rank));
        out.flush();
        byte[] clientProof = readBytes(in);
        if (!MessageDigest.isEqual(clientProof, proof(secret, "client", serverNonce, clientNonce, rank))) {
            throw new RefusedException(socket.getRemoteSocketAddress() + " did not prove this run's allreduce secret");
        }
        out.writeInt(ACCEPTED);
        out.flush();
        return rank;
    }

    static byte[] proof(byte[] secret, String label, byte[] firstNonce, byte[] secondNonce, int rank) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            mac.update(firstNonce);
            mac.update(secondNonce);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(rank).array());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks " + HMAC + ", which every Java 17 has", e);
        }
    }

    private static byte[] nonce() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[SECRET_BYTES];
        in.readFully(bytes);
        return bytes;
    }
}
