package dev.metricsagent.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ServicesTest {

    @Test
    void aListeningServiceIsReachable() throws IOException {
        try (ServerSocket service = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(Services.isReachable("127.0.0.1", service.getLocalPort()));
            Services.require("test service", "127.0.0.1", service.getLocalPort());
        }
    }

    @Test
    void anUnreachableServiceSkipsTheTestOrFailsItInCi() {
        int closedPort = Ports.free();

        assertFalse(Services.isReachable("127.0.0.1", closedPort));
        Throwable thrown = assertThrows(Throwable.class,
                () -> Services.require("test service", "127.0.0.1", closedPort));
        if (Ci.isCi()) {
            assertTrue(thrown instanceof AssertionError, thrown.toString());
        } else {
            assertTrue(thrown instanceof TestAbortedException, thrown.toString());
        }
        assertTrue(thrown.getMessage().startsWith("test service is not reachable at 127.0.0.1:" + closedPort),
                thrown.getMessage());
    }
}
