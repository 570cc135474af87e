package app.digits.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local cluster as the README starts it, from the deployable artifact: {@code payara-config/cluster.sh}
 * starts two instances sharing instance 1's embedded MongoDB and Debian's nginx in front of them, then
 * {@code src/bench/cluster_check.py} checks through nginx that both instances answer in turn, that a drawing
 * posted through one is read through the other, that a second training run is refused with 409 by both while
 * one runs, that a model served through one is then served by both, and that killing one with SIGKILL under
 * 200 predictions loses no acknowledged drawing while nginx keeps answering. Every instance starts without a model, as on a clean
 * clone, and trains its first one on a slice of MNIST. The scripts are the test, so that what the README
 * documents is what CI runs; skipped, saying why, only when nginx or python3 is not installed.
 */
class NginxClusterIT {

    private static final Path DIRECTORY = Scripts.ROOT.resolve("target/it-cluster");
    private static final String PORT = System.getProperty("digits.it.cluster-port", "18390");
    private static final String MONGO_PORT = System.getProperty("digits.it.cluster-mongo-port", "27390");

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Scripts.installed("nginx"),
                "nginx is not installed (apt-get install nginx; .ci/run does it): the cluster test is skipped");
        Assumptions.assumeTrue(Scripts.installed("python3"),
                "python3 is not installed: the cluster test is skipped");
        Assumptions.assumeTrue(Files.exists(Scripts.ROOT.resolve("target/digits.jar")),
                "target/digits.jar was not built (-Ddigits.uberjar.skip): the cluster test is skipped");
        TestFiles.deleteRecursively(DIRECTORY);
        TestFiles.writeMnistSlice(DIRECTORY.resolve("mnist"));
        Files.createDirectories(DIRECTORY.resolve("no-models"));
        assertEquals(0, run("start.log", "payara-config/cluster.sh", "start", "--dir", DIRECTORY.toString(),
                "--port", PORT, "--mongo-port", MONGO_PORT, "--mnist", DIRECTORY.resolve("mnist").toString(),
                "--models", DIRECTORY.resolve("no-models").toString()),
                () -> "the cluster started: " + tail("start.log"));
    }

    @AfterAll
    static void stopCluster() throws IOException, InterruptedException {
        if (Files.exists(DIRECTORY.resolve("instance-1"))) {
            run("stop.log", "payara-config/cluster.sh", "stop", "--dir", DIRECTORY.toString());
        }
    }

    @Test
    void behavesAsOneApplicationAndKeepsEveryAcknowledgedDrawingWhenAnInstanceDiesUnderLoad() throws IOException, InterruptedException {
        int status = run("check.log", "python3", "src/bench/cluster_check.py", "--url", "http://127.0.0.1:" + PORT,
                "--dir", DIRECTORY.toString(), "--mongo", "127.0.0.1:" + MONGO_PORT, "--count", "200");
        assertEquals(0, status, () -> "every cluster check passed:\n" + tail("check.log"));
    }

    /** Runs a command of the project, its output in a log of the cluster's directory; its status. */
    private static int run(String log, String... command) throws IOException, InterruptedException {
        // As on a clean clone, each instance trains its first model on the slice; no background CNN run.
        return Scripts.run(DIRECTORY.resolve(log), Map.of("JAVA_OPTS", "-Ddigits.default-model.follow-up=none"),
                Duration.ofMinutes(30), command);
    }

    private static String tail(String log) {
        return Scripts.tail(DIRECTORY.resolve(log), 40);
    }
}
