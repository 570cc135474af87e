package app.digits.it;

import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the real WAR deployed on Payara Micro by Arquillian, tested from
 * outside, with {@link #base} the application's loopback address once it is ready (MNIST imported, a model
 * served).
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedApplication {

    @ArquillianResource
    URL url;

    /** The application's root, on loopback. */
    URI base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Server.war();
    }

    @BeforeEach
    void awaitApplication() throws InterruptedException {
        base = Server.awaitReady(Server.loopback(url));
    }
}
