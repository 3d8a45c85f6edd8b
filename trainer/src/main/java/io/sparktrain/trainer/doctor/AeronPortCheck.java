package io.sparktrain.trainer.doctor;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Gradient sharing's controller (the driver) receives Aeron traffic on UDP port
 * {@code train.sharing.port}; another process on it, or a leftover run, makes the job die at
 * start. In local mode the executors use this same port; cluster executors check their own.
 */
final class AeronPortCheck implements Check {
    private final int port;

    AeronPortCheck(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "aeron port";
    }

    @Override
    public CheckResult run() {
        Optional<String> problem = bindProblem(port);
        if (problem.isPresent()) {
            return CheckResult.fail("UDP port " + port + " (train.sharing.port, the driver's Aeron port) is in use: "
                            + problem.get(),
                    "set train.sharing.port to a free port (executor N uses port + 1 + N), or stop the process holding"
                            + " it (ss -ulpn 'sport = :" + port + "')");
        }
        return CheckResult.ok("UDP port " + port + " is free for the driver's Aeron (executor N uses " + port
                + " + 1 + N)");
    }

    /** Why this JVM cannot bind the UDP port on every interface, as Aeron will; empty when it can. */
    static Optional<String> bindProblem(int port) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
