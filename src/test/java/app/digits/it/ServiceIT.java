package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service as a deployment installs it, checked over HTTPS through nginx: {@code payara-config/install.sh}
 * installs the deployable artifact under a prefix of its own ({@code target/it-service}: its etc, opt and var
 * folders, the unit under {@code supervise.sh}, a self-signed certificate, an nginx process of its own with the
 * TLS site, on ports of its own), and {@code src/bench/service_check.sh} then checks through that nginx: the
 * redirect to HTTPS, the certificate, health UP, the drawing page, a prediction stored and read back at its
 * https {@code Location}, and the error pages. {@code install.sh --remove} stops the service and nginx
 * afterwards, also when a step failed. The scripts are the test, so that what the README documents is what CI
 * runs; skipped, saying why, when not run as root (the script adds a system user) or without nginx or openssl.
 */
class ServiceIT {

    private static final Path DIRECTORY = Scripts.ROOT.resolve("target/it-service");
    private static final Path PREFIX = DIRECTORY.resolve("root");
    private static final String HTTP_PORT = System.getProperty("digits.it.service-http-port", "18480");
    private static final String HTTPS_PORT = System.getProperty("digits.it.service-https-port", "18443");
    private static final String APP_PORT = System.getProperty("digits.it.service-app-port", "18380");
    /** Seconds for the installed service to answer UP through nginx: its start, import and first model. */
    private static final String LIMIT = System.getProperty("digits.it.service-limit", "170");

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "not run as root: install.sh adds the service's user; the service test is skipped");
        for (var command : List.of("nginx", "openssl", "curl", "python3")) {
            Assumptions.assumeTrue(Scripts.installed(command), command + " is not installed (.ci/run installs it): the service test is skipped");
        }
        Assumptions.assumeTrue(Files.exists(Scripts.ROOT.resolve("target/digits.jar")),
                "target/digits.jar was not built (-Ddigits.uberjar.skip): the service test is skipped");
        TestFiles.deleteRecursively(DIRECTORY);
        TestFiles.writeMnistSlice(DIRECTORY.resolve("mnist"));
        var command = new ArrayList<>(List.of("payara-config/install.sh", "--prefix", PREFIX.toString(),
                "--http-port", HTTP_PORT, "--https-port", HTTPS_PORT, "--app-port", APP_PORT, "--limit", LIMIT,
                "--mnist", DIRECTORY.resolve("mnist").toString()));
        // The repository's trained models are served; without any, the first is trained on the slice, no follow-up.
        for (var setting : List.of("DIGITS_DEFAULT_MODEL_FOLLOW_UP=none", "DIGITS_DEFAULT_MODEL_TRAINING_IMAGES=3000")) {
            command.addAll(List.of("--setting", setting));
        }
        assertEquals(0, run("install.log", command.toArray(String[]::new)), () -> "the service installed and ready: " + tail("install.log"));
    }

    @AfterAll
    static void remove() throws IOException, InterruptedException {
        if (Files.exists(PREFIX)) {
            run("remove.log", "payara-config/install.sh", "--prefix", PREFIX.toString(), "--remove");
        }
    }

    @Test
    void answersOverHttpsThroughNginx() throws IOException, InterruptedException {
        int status = run("check.log", "src/bench/service_check.sh", "--http-port", HTTP_PORT, "--https-port", HTTPS_PORT,
                "--cacert", PREFIX.resolve("etc/digits/tls/digits.crt").toString());
        assertEquals(0, status, () -> "every service check passed:\n" + tail("check.log"));
    }

    /** Runs a command of the project, its output in a log of the test's directory; its status. */
    private static int run(String log, String... command) throws IOException, InterruptedException {
        return Scripts.run(DIRECTORY.resolve(log), Map.of(), Duration.ofMinutes(4), command);
    }

    private static String tail(String log) {
        return Scripts.tail(DIRECTORY.resolve(log), 60) + "\n--- the service's log:\n"
                + Scripts.tail(PREFIX.resolve("var/log/digits.log"), 40);
    }
}
