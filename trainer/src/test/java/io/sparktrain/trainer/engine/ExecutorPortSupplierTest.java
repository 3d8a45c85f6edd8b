package io.sparktrain.trainer.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    @Test
    void aPortPastTheLastUdpPortIsRefusedNamingTheKey() {
        ExecutorPortSupplier high = new ExecutorPortSupplier(65000);
        assertEquals(65535, high.portFor("534"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> high.portFor("535"));
        assertTrue(e.getMessage().contains("train.sharing.port is 65000, and executor 535 would listen on 65536"),
                e.getMessage());
        assertTrue(e.getMessage().contains("set train.sharing.port to at most 64999"), e.getMessage());
    }

    @Test
    void namedExecutorsGetPortsOfTheirOwnEvenWhenTheirIdsHashAlike() {
        // "Aa" and "BB" have the same String.hashCode, which gave them one port before.
        List<String> ids = List.of("driver", "BB", "Aa", "exec-7");
        ExecutorPortSupplier named = ExecutorPortSupplier.forExecutors(40123, ids);
        Set<Integer> distinct = ids.stream().map(named::portFor).collect(Collectors.toSet());
        assertEquals(Set.of(40123, 40124, 40125, 40126), distinct);
    }

    @Test
    void namedExecutorsTakeTheSlotsAfterTheNumberedOnes() {
        ExecutorPortSupplier mixed = ExecutorPortSupplier.forExecutors(40123, List.of("0", "3", "worker-a"));
        assertEquals(40127, mixed.portFor("3"));
        assertEquals(40128, mixed.portFor("worker-a"));
        assertEquals(40125, mixed.portFor("1"), "a numbered executor registered later keeps port + 1 + N");
    }

    @Test
    void aNamedExecutorTheDriverDidNotSeeIsRefusedInsteadOfGuessed() {
        ExecutorPortSupplier named = ExecutorPortSupplier.forExecutors(40123, List.of("exec-a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> named.portFor("exec-b"));
        assertTrue(e.getMessage().contains("executor 'exec-b' has no gradient-sharing port"), e.getMessage());
    }

    @Test
    void theDriverRefusesRegisteredExecutorsWithoutAPort() {
        assertThrows(IllegalStateException.class, () -> ExecutorPortSupplier.forExecutors(65530, List.of("1", "5")));
    }
}
