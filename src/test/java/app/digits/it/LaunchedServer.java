package app.digits.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro with the real WAR, started by the test itself as {@code java -jar payara-micro.jar} (the way
 * the README starts it) on a free loopback port, for the fault tests an Arquillian container cannot play:
 * killing the process with SIGKILL, starting it again on the same data, pointing it at a database the test
 * controls. Its output goes to a log file under {@code target/faults}.
 */
final class LaunchedServer implements AutoCloseable {

    /** As in the README's command: PyTorch's environment is set through the foreign-function API. */
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Payara's kernel starts its services on one thread, as the Arquillian servers do (see arquillian.xml). */
    private static final String ONE_STARTUP_THREAD = "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS";

    private final Process process;
    private final URI base;
    private final Path log;

    private LaunchedServer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Starts a server, alone (no cluster), with these system properties; its log is {@code <directory>/<name>.log}. */
    static LaunchedServer start(Path directory, String name, Map<String, String> properties) throws IOException {
        return start(directory, name, properties, java.util.List.of("--nocluster"), Map.of());
    }

    /** Starts a server with these system properties, Payara Micro options and environment variables. */
    static LaunchedServer start(Path directory, String name, Map<String, String> properties, java.util.List<String> options,
                                Map<String, String> environment) throws IOException {
        int port = freePort();
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(NATIVE_ACCESS);
        command.add(ONE_STARTUP_THREAD);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(java.util.List.of("-jar", System.getProperty("payara.microJar")));
        command.addAll(options);
        command.addAll(java.util.List.of("--port", String.valueOf(port),
                "--contextroot", "/", "--addlibs", System.getProperty("digits.valve"),
                "--prebootcommandfile", System.getProperty("digits.preboot"),
                "--postbootcommandfile", System.getProperty("digits.postboot"),
                "--deploy", System.getProperty("digits.war")));
        Files.createDirectories(directory);
        var log = directory.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new LaunchedServer(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log);
    }

    /**
     * The system properties every launched test server shares: its data and model folders under {@code home},
     * the MNIST slice of {@link #prepare}, a first model trained on {@code trainingImages} in one epoch with no
     * follow-up run, this admin password, and a short training lease (a killed server's run is freed soon).
     */
    static Map<String, String> settings(Path directory, Path home, String adminPassword, int trainingImages) {
        var properties = new HashMap<String, String>();
        properties.put("digits.data.dir", home.resolve("data").toString());
        properties.put("digits.models.dir", home.resolve("models").toString());
        properties.put("digits.mnist.dir", directory.resolve("mnist").toString());
        properties.put("digits.djl.dir", System.getProperty("digits.djl.dir"));
        properties.put("digits.default-model.training-images", String.valueOf(trainingImages));
        properties.put("digits.default-model.algorithm", "mlp");
        properties.put("digits.default-model.settings", "epochs=1");
        properties.put("digits.default-model.follow-up", "none");
        properties.put("digits.admin.password", adminPassword);
        properties.put("digits.training.lease-seconds", "6");
        return properties;
    }

    /** Empties the test's directory and writes the MNIST slice its servers import ({@code <directory>/mnist}). */
    static void prepare(Path directory) throws IOException {
        TestFiles.deleteRecursively(directory);
        TestFiles.writeMnistSlice(directory.resolve("mnist"));
    }

    /** The Basic credentials of the admin with this password. */
    static String admin(String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Polls until the answer is not null, for at most the given time: servers converge, no time is asserted. */
    static <T> T await(String what, Duration limit, Callable<T> check) throws Exception {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            var value = check.call();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what);
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI base() {
        return base;
    }

    Path log() {
        return log;
    }

    /** Waits until the application's readiness checks answer, UP or DOWN: the application is deployed. */
    HttpResponse<String> awaitDeployed() throws InterruptedException {
        return awaitReadiness(false);
    }

    /** Waits until the readiness check is UP. */
    HttpResponse<String> awaitReady() throws InterruptedException {
        return awaitReadiness(true);
    }

    private HttpResponse<String> awaitReadiness(boolean up) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofMinutes(4));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited with status " + process.exitValue() + "; see " + log);
            }
            try {
                var response = Server.send(HttpRequest.newBuilder(base.resolve("health/ready")).timeout(Duration.ofSeconds(10)));
                // Payara answers the health endpoint before the WAR is deployed (without the application's
                // checks), and registers the checks before the API takes requests: its log says when it is done.
                boolean deployed = response.body().contains("\"mongodb\"") && new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1).contains(" ready in ");
                if (deployed && (response.statusCode() == 200 || !up && response.statusCode() == 503)) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The server at " + base + " did not get there in time; last answer: " + last + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no clean close of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
