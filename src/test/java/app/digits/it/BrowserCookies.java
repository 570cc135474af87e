package app.digits.it;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cookies kept as a browser keeps them (RFC 6265): name and value as the server set them, sent back as
 * {@code name=value} to the same host whatever the port. It was written while the web app was distributable and
 * Payara's session version cookie came back from {@link java.net.CookieManager} in a form Payara could not parse;
 * the app's own session cookie has no such trouble ({@code SecurityIT} and {@code ClusterIT} use
 * {@code CookieManager}). The tests talk to loopback only, so one jar per client serves every instance.
 */
final class BrowserCookies extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        if (cookies.isEmpty()) {
            return Map.of();
        }
        return Map.of("Cookie", List.of(cookies.entrySet().stream().map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "))));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
                values.forEach(this::keep);
            }
        });
    }

    private void keep(String setCookie) {
        var pair = setCookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        if (equals <= 0) {
            return;
        }
        var name = pair.substring(0, equals).strip();
        if (setCookie.toLowerCase(Locale.ROOT).replace(" ", "").contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, pair.substring(equals + 1).strip());
        }
    }
}
