package app.digits.valve;

import com.sun.enterprise.v3.services.impl.GrizzlyProxy;
import com.sun.enterprise.v3.services.impl.GrizzlyService;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.config.GenericGrizzlyListener;
import org.glassfish.grizzly.config.dom.NetworkListener;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.DefaultFilterChain;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.hk2.api.ServiceLocator;

/**
 * Sends a request whose path Payara's connector cannot read to the application's own 400 instead of the
 * connector's empty 400 or 200 ({@link UnreadableAddresses} says which paths and where). It is a Grizzly
 * filter of the HTTP listener, placed just before the filter that hands requests to Payara
 * ({@code org.glassfish.grizzly.http.server.HttpServerFilter}, whose handler is {@code ContainerMapper}, then
 * {@code CoyoteAdapter}): it sees each parsed request before the connector decodes its path, and replaces an
 * unreadable path (the query string stays, so {@code ?lang=en} still chooses the page's language). No
 * setting of Payara 7.2025.1 adds a filter to an HTTP listener (grizzly-config builds that chain from fixed
 * classes; its {@code protocol-filter} elements only make chains without HTTP), so {@link #install} gives the
 * running listeners, found through HK2, a chain with it; {@link UnreadableAddressValve} calls it when Payara
 * creates the virtual server, before the application is deployed (the listener accepts connections by then,
 * but the web container answers none yet).
 */
public final class UnreadableAddressFilter extends BaseFilter {

    private static final Logger LOG = Logger.getLogger(UnreadableAddressFilter.class.getName());

    @Override
    public NextAction handleRead(FilterChainContext ctx) {
        if (ctx.getMessage() instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request) {
            var path = request.getRequestURIRef().getRequestURIBC().toString(StandardCharsets.ISO_8859_1);
            var replacement = UnreadableAddresses.replacement(path);
            if (replacement != null) {
                request.setRequestURI(replacement);
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * Gives each HTTP listener whose chain has no such filter yet a copy of its chain with one, before its
     * server filter. Returns how many listeners have one.
     */
    static int install(ServiceLocator locator) {
        var grizzly = locator.getService(GrizzlyService.class);
        int guarded = 0;
        for (var listener : locator.getAllServices(NetworkListener.class)) {
            if (grizzly != null && grizzly.lookupNetworkProxy(listener) instanceof GrizzlyProxy proxy
                    && proxy.getUnderlyingListener() instanceof GenericGrizzlyListener grizzlyListener
                    && grizzlyListener.getTransport() != null && guard(grizzlyListener.getTransport(), grizzlyListener.getName())) {
                guarded++;
            }
        }
        return guarded;
    }

    /**
     * Whether the transport's chain has the filter, given a new chain with it if it had none. The chain is
     * replaced, not changed in place: Grizzly keeps each connection's place in a chain in an array sized for
     * that chain, so a filter inserted into the running chain made the connections already open fail with
     * {@code ArrayIndexOutOfBoundsException}. Connections accepted from now on use the new chain; the few
     * opened during the boot, before the application existed, keep the old one until they close.
     */
    private static synchronized boolean guard(Transport transport, String listener) {
        if (!(transport.getProcessor() instanceof FilterChain chain)) {
            return false;
        }
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i) instanceof UnreadableAddressFilter) {
                return true;
            }
            if (chain.get(i) instanceof HttpServerFilter) {
                var guarded = new DefaultFilterChain(chain);
                guarded.add(i, new UnreadableAddressFilter());
                transport.setProcessor(guarded);
                LOG.info(() -> "Unreadable request paths of listener " + listener + " are answered by the application");
                return true;
            }
        }
        return false;
    }
}
