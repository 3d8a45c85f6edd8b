package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ExecutorPortSupplierTest {
    private final ExecutorPortSupplier ports = new ExecutorPortSupplier(40123);

    @Test
    void driverListensOnTheConfiguredPortAndEachExecutorOnItsOwn() {
        assertEquals(40123, ports.portFor("driver"));
        assertEquals(40124, ports.portFor("0"));
        assertEquals(40125, ports.portFor("1"));
        assertNotEquals(ports.portFor("0"), ports.portFor("1"), "two executors on one host must not clash");
    }

    @Test
    void outsideSparkTheDriverPortIsUsed() {
        assertEquals(40123, ports.getPort());
    }
}
