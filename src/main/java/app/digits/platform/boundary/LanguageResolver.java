package app.digits.platform.boundary;

import app.digits.platform.control.Languages;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mvc.locale.LocaleResolver;
import jakarta.mvc.locale.LocaleResolverContext;
import java.util.Locale;

/**
 * The language of the MVC pages, by the app's rules ({@link Languages}) rather than Krazo's default, which
 * follows {@code Accept-Language} alone: the switch's {@code ?lang=}, then the cookie that remembers it, then
 * the browser's languages, French when it names none and English when it names only others.
 */
@ApplicationScoped
@Priority(1000)
public class LanguageResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(LocaleResolverContext context) {
        var remembered = context.getCookie(Languages.PARAMETER);
        return Languages.resolve(context.getUriInfo().getQueryParameters().getFirst(Languages.PARAMETER),
                remembered == null ? null : remembered.getValue(), context.getHeaderString("Accept-Language"),
                context.getAcceptableLanguages());
    }
}
