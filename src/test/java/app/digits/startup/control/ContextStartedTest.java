package app.digits.startup.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContextStartedTest {

    private static ContextStarted on(int port) {
        var started = new ContextStarted();
        started.port = Optional.of(port);
        return started;
    }

    @Test
    void waitsWhileTheApplicationIsNotThereYetAndGoesOnOnceItsLivenessAnswers() throws Exception {
        var asked = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/app/health/live", exchange -> {
            // the container answers 404 until the context has started
            exchange.sendResponseHeaders(asked.incrementAndGet() <= 3 ? 404 : 503, -1);
            exchange.close();
        });
        server.start();
        try {
            on(server.getAddress().getPort()).await("/app");
        } finally {
            server.stop(0);
        }
        assertEquals(4, asked.get(), "three 404s waited out, the DOWN answer ends the wait");
    }

    @Test
    void goesOnAfterAFewSecondsWhenNothingListensOnThePort() throws InterruptedException, IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();
        on(port).await("");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds >= 5 && seconds < 30, "waited " + seconds + " s");
    }
}
