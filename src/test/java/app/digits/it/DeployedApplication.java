package app.digits.it;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the real WAR deployed on Payara Micro by Arquillian, tested from
 * outside, with {@link #base} the application's loopback address once it is ready (MNIST imported, a model
 * served), started only once the earlier classes' servers are gone ({@link EarlierServersGone}). A deployment
 * that never became ready fails its class's later tests at once, with the same error, instead of making each
 * of them wait the whole readiness timeout again.
 */
@ExtendWith({EarlierServersGone.class, ArquillianExtension.class})
abstract class DeployedApplication {

    @ArquillianResource
    URL url;

    /** The test classes whose deployment did not become ready, and why. */
    private static final Map<Class<?>, AssertionError> NEVER_READY = new ConcurrentHashMap<>();

    /** The application's root, on loopback. */
    URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeEach
    void awaitApplication() throws InterruptedException {
        var failed = NEVER_READY.get(getClass());
        if (failed != null) {
            throw new AssertionError("Not tried again: " + failed.getMessage(), failed);
        }
        try {
            base = Server.awaitReady(Server.loopback(url));
        } catch (AssertionError e) {
            NEVER_READY.put(getClass(), e);
            throw e;
        }
    }
}
