package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digits.platform.control.WarmupDue;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class FirstVisitWarmupTest {

    private static FirstVisitWarmup warmup(Optional<Integer> port) {
        var store = new AdminIdentityStore();
        store.user = "admin";
        store.configuredPassword = Optional.of("s3cret é");
        store.init();
        var warmup = new FirstVisitWarmup();
        warmup.admin = store;
        warmup.port = port;
        return warmup;
    }

    @Test
    void visitsTheHomePageAndWithTheAdminsCredentialsTheDashboardUnderTheContextPath() throws IOException {
        var visits = new CopyOnWriteArrayList<String>();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var login = BasicCredentials.fromHeader(exchange.getRequestHeaders().getFirst("Authorization"))
                    .map(credentials -> credentials.getCaller() + ":" + credentials.getPasswordAsString()).orElse("anonymous");
            visits.add(exchange.getRequestURI().getPath() + " " + login);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            warmup(Optional.of(server.getAddress().getPort())).warm(new WarmupDue("/digits"));
        } finally {
            server.stop(0);
        }
        assertEquals(List.of("/digits/ anonymous", "/digits/admin admin:s3cret é"), visits.subList(0, 2),
                "the admin's credentials go to the dashboard alone");
        assertEquals(visits.subList(0, 2), visits.subList(2, 4), "each page twice, so the second visit runs compiled code");
    }

    @Test
    void aServerThatDoesNotAnswerOnlyLeavesTheFirstVisitSlow() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertDoesNotThrow(() -> warmup(Optional.of(closedPort)).warm(new WarmupDue("")), "a refused connection is logged");
        assertDoesNotThrow(() -> warmup(Optional.empty()).warm(new WarmupDue("")), "no known port, no visit");
    }
}
