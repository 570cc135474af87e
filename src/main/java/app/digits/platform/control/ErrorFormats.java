package app.digits.platform.control;

import java.util.Locale;

/**
 * Decides from the {@code Accept} header whether a refused request gets the app's translated error page or
 * problem+json: the page for a client that prefers HTML (a browser's navigation), problem+json for one that
 * names JSON at least as high (API clients, the pages' scripts). A client that names neither (curl's
 * {@code *}{@code /*}, or no header) gets what the address is: the page at a page's address, problem+json at a
 * program's (the API, the figures).
 */
public final class ErrorFormats {

    private ErrorFormats() {
    }

    public static boolean wantsPage(String accept, boolean pageAddress) {
        if (accept == null) {
            return pageAddress;
        }
        double html = 0;
        double json = 0;
        for (var range : accept.split(",")) {
            var parts = range.split(";");
            var type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, quality);
            } else if (type.equals("application/json") || type.equals("application/problem+json")) {
                json = Math.max(json, quality);
            }
        }
        return html > json || (html == 0 && json == 0 && pageAddress);
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            var parameter = parameters[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
