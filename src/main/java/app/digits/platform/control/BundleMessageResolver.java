package app.digits.platform.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves {@code #{...}} messages in templates from one bundle for the whole UI ({@code i18n/messages}):
 * French in the base file, English beside it. No fallback to the JVM's default locale, so a French page
 * stays French on an English server.
 */
public class BundleMessageResolver extends AbstractMessageResolver {

    static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public static String message(Locale locale, String key, Object... parameters) {
        var pattern = ResourceBundle.getBundle(BUNDLE, locale, BundleMessageResolver.class.getClassLoader(), NO_FALLBACK)
                .getString(key);
        return parameters.length == 0 ? pattern : new MessageFormat(pattern, locale).format(parameters);
    }

    /** The message, or null when the bundle has no such key. */
    public static String messageOrNull(Locale locale, String key, Object... parameters) {
        try {
            return message(locale, key, parameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return messageOrNull(context.getLocale(), key, parameters == null ? new Object[0] : parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] parameters) {
        return "??" + key + "??";
    }
}
