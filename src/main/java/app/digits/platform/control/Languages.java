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
 * names none gets French, since the people Digits serves speak French first. The MVC locale resolver and the
 * error page both decide here.
 */
public final class Languages {

    public static final List<String> SUPPORTED = List.of("fr", "en");
    /** The query parameter of the switch, and the cookie that remembers it. */
    public static final String PARAMETER = "lang";

    private Languages() {
    }

    /** The language of a servlet request, remembering a choice made with the switch. */
    public static Locale choose(HttpServletRequest request, HttpServletResponse response) {
        var chosen = request.getParameter(PARAMETER);
        remember(chosen, response);
        var remembered = Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(cookie -> PARAMETER.equals(cookie.getName()))
                .findFirst().map(Cookie::getValue).orElse(null);
        return resolve(chosen, remembered, request.getHeader("Accept-Language"), Collections.list(request.getLocales()));
    }

    /**
     * The language from what the request says: the switch's parameter, the cookie, and the browser's
     * {@code Accept-Language} (the header itself, to tell "none" from a list the server filled in).
     */
    public static Locale resolve(String chosen, String remembered, String acceptLanguage, List<Locale> preferred) {
        return Locale.of(supported(chosen).or(() -> supported(remembered))
                .orElseGet(() -> acceptLanguage == null ? "fr" : fromBrowser(preferred)));
    }

    /** Remembers a language chosen with the switch for a year; anything else is ignored. */
    public static void remember(String chosen, HttpServletResponse response) {
        supported(chosen).ifPresent(language -> {
            var cookie = new Cookie(PARAMETER, language);
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        });
    }

    static String fromBrowser(List<Locale> preferred) {
        return preferred.stream().map(Locale::getLanguage).filter(SUPPORTED::contains).findFirst()
                .orElse(preferred.isEmpty() ? "fr" : "en");
    }

    private static Optional<String> supported(String language) {
        return Optional.ofNullable(language).filter(SUPPORTED::contains);
    }
}
