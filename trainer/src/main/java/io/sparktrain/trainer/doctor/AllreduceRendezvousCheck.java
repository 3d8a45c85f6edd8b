package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.engine.PeerHandshake;
import io.sparktrain.trainer.engine.RingRendezvous;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.util.Utils;

/**
 * {@code allreduce} opens TCP ports outside Spark's control: the driver listens for its workers
 * (the rendezvous), and each worker listens for its ring neighbour, all on ephemeral ports. This
 * check starts the driver's rendezvous where a run would, on the address Spark binds the driver to,
 * and registers one worker through the address executors are given: it fails where that address
 * cannot be bound or reached, and says which ports a firewall between the machines must let through.
 */
final class AllreduceRendezvousCheck implements Check {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private final SparkConf conf;

    AllreduceRendezvousCheck(SparkConf conf) {
        this.conf = conf;
    }

    @Override
    public String name() {
        return "allreduce ports";
    }

    @Override
    public CheckResult run() {
        // What AllreduceStrategy will use: the spark.driver.host Spark sets at start, bound where Spark binds.
        String host = conf.get("spark.driver.host", Utils.localHostName());
        String bindAddress = conf.get("spark.driver.bindAddress", host);
        byte[] secret = PeerHandshake.newSecret();
        String fix = "set spark.driver.host to an address of this machine that the executors reach (and"
                + " spark.driver.bindAddress where it differs), and let TCP connections from the executors to the"
                + " driver and between executors through on any port";
        try (RingRendezvous rendezvous = RingRendezvous.start(bindAddress, host, secret)) {
            InetSocketAddress address = rendezvous.address();
            RingRendezvous.gather(address, secret, 0, 0, 0, 1, host + ":0", TIMEOUT);
            return CheckResult.ok("the driver's allreduce rendezvous listens on " + host + ":" + address.getPort()
                    + " (bound to " + bindAddress + ") and answered a worker; a run uses an ephemeral TCP port on the"
                    + " driver and one on each worker's host, every connection proving the run's secret");
        } catch (IOException e) {
            return CheckResult.fail("the driver's allreduce rendezvous on " + host + " (bound to " + bindAddress
                    + "): " + e.getMessage(), fix);
        }
    }
}
