package app.digits.valve;

import java.util.logging.Logger;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.valves.ValveBase;
import org.glassfish.internal.api.Globals;

/**
 * The hook that puts {@link UnreadableAddressFilter} into Payara's HTTP listeners: a valve of the virtual
 * server (the pre-boot commands' {@code valve_2} property, its class on the server's class path with
 * {@code --addlibs}) is the one piece of code of ours that a Payara Micro setting loads inside the server,
 * before the application is deployed. It does its work when Payara creates it; every request it then sees goes
 * on unchanged, since the requests it exists for never reach a valve.
 */
public class UnreadableAddressValve extends ValveBase {

    private static final Logger LOG = Logger.getLogger(UnreadableAddressValve.class.getName());

    /**
     * Installs the filter. Payara creates the virtual server's valves once the HTTP listener runs (the web
     * container, which creates them, has {@code GrizzlyService} injected, so the listeners exist already), and
     * this is the moment: Payara 7.2025.1 does not call this valve's {@code start()} (a log line there never
     * showed).
     */
    public UnreadableAddressValve() {
        if (UnreadableAddressFilter.install(Globals.getDefaultHabitat()) == 0) {
            LOG.warning("No HTTP listener took the filter for unreadable paths: Payara answers them with an empty 400 or 200");
        }
    }

    @Override
    public int invoke(Request request, Response response) {
        return INVOKE_NEXT;
    }
}
