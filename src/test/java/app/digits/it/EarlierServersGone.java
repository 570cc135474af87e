package app.digits.it;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits, before a test class's server is started, until the servers of the earlier test classes have exited.
 * Arquillian stops a class's Payara Micro with a SIGTERM and does not wait for it: a server still training
 * takes its time to stop, and meanwhile it runs beside the next class's server on the same database file,
 * models folder and embedded MongoDB port. (A CI run once lost a class's server a second after it started,
 * right after a class whose server was still training when stopped; the log of a later loss showed another
 * cause, a class loaded while Payara closed the application's jars, which {@code ContextStarted} now avoids.)
 * The earlier servers are known by that data folder in their command line (this build's own, so another
 * checkout's tests are left alone); one still alive after a minute is killed. Registered before Arquillian's
 * extension, so it runs before the deployment.
 */
final class EarlierServersGone implements BeforeAllCallback {

    private static final Logger LOG = Logger.getLogger(EarlierServersGone.class.getName());
    private static final Duration GRACE = Duration.ofMinutes(1);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        var marker = "-Ddigits.data.dir=" + System.getProperty("digits.it.dir") + "/data";
        var earlier = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().filter(line -> line.contains(marker)).isPresent())
                .toList();
        for (var server : earlier) {
            LOG.info(() -> "Waiting for an earlier test server to exit (pid " + server.pid() + ")");
            try {
                server.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                LOG.warning(() -> "The earlier test server " + server.pid() + " did not exit within " + GRACE.toSeconds() + " s: killed");
                server.destroyForcibly();
                server.onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
