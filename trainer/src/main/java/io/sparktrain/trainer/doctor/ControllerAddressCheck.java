package io.sparktrain.trainer.doctor;

import io.sparktrain.config.SharingSection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.util.Utils;

/**
 * Executors send their gradient updates to the controller address, which must be the driver: it
 * must resolve, belong to this machine, and on a multi-host cluster not be a loopback address
 * (nor may executors announce one, which an empty {@code network-mask} makes them do).
 */
final class ControllerAddressCheck implements Check {
    private final SharingSection sharing;
    private final SparkConf conf;

    ControllerAddressCheck(SharingSection sharing, SparkConf conf) {
        this.sharing = sharing;
        this.conf = conf;
    }

    @Override
    public String name() {
        return "controller address";
    }

    @Override
    public CheckResult run() {
        boolean configured = !sharing.controllerAddress().isEmpty();
        // What SharingSupport will use: the configured address, or the spark.driver.host Spark sets at start.
        String address = configured ? sharing.controllerAddress() : conf.get("spark.driver.host", Utils.localHostName());
        String source = configured ? "train.sharing.controller-address" : "spark.driver.host";
        String fix = "set train.sharing.controller-address to an address of the driver's machine that the executors reach";
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            return CheckResult.fail("controller address '" + address + "' (" + source + ") does not resolve", fix);
        }
        String found = "controller address " + address + " (" + source + ", " + ip.getHostAddress() + ")";
        if (!ip.isLoopbackAddress() && !isLocal(ip)) {
            return CheckResult.fail(found + " is not an address of this machine, but the controller runs in the driver", fix);
        }
        Optional<String> masterHost = SparkMaster.standaloneHost(conf);
        boolean otherHosts = !SparkMaster.isLocal(conf) && !masterHost.map(ControllerAddressCheck::isLoopback).orElse(false);
        if (otherHosts && ip.isLoopbackAddress()) {
            return CheckResult.fail(found + " is a loopback address, which executors on other hosts cannot reach", fix
                    + ", and train.sharing.network-mask to the executors' subnet");
        }
        if (otherHosts && sharing.networkMask().isEmpty()) {
            return CheckResult.warn(found + " is fine, but train.sharing.network-mask is empty, so every executor"
                            + " announces 127.0.0.1, which executors on other hosts cannot reach",
                    "set train.sharing.network-mask to the executors' subnet, e.g. 10.0.0.0/16");
        }
        return CheckResult.ok(found + " is an address of this machine");
    }

    private static boolean isLocal(InetAddress ip) {
        try {
            return NetworkInterface.getByInetAddress(ip) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
