package app.digits.platform.control;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the language of a page: the one just chosen with the switch ({@code ?lang=en}, remembered in a
 * cookie), else the remembered one, else the first of the browser's languages the UI speaks. A browser that
 * names only other languages (German, Spanish) gets English, the one its user more likely reads; one that
 * names none gets French, since the people Digits serves speak French first.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("fr", "en");
    private static final String COOKIE = "lang";

    private Languages() {
    }

    public static Locale choose(HttpServletRequest request, HttpServletResponse response) {
        var chosen = supported(request.getParameter(COOKIE));
        if (chosen.isPresent()) {
            var cookie = new Cookie(COOKIE, chosen.get());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            return Locale.of(chosen.get());
        }
        var remembered = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> COOKIE.equals(cookie.getName()))
                .findFirst()
                .flatMap(cookie -> supported(cookie.getValue()));
        return Locale.of(remembered.orElseGet(() -> request.getHeader("Accept-Language") == null ? "fr"
                : fromBrowser(Collections.list(request.getLocales()))));
    }

    static String fromBrowser(List<Locale> preferred) {
        return preferred.stream().map(Locale::getLanguage).filter(SUPPORTED::contains).findFirst()
                .orElse(preferred.isEmpty() ? "fr" : "en");
    }

    private static Optional<String> supported(String language) {
        return Optional.ofNullable(language).filter(SUPPORTED::contains);
    }
}
