package app.digits.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the Thymeleaf templates under {@code WEB-INF/views}, whole pages or single fragments for HTMX
 * swaps, in a given language. A view is named {@code home.html} (the page) or {@code home.html::result} (one
 * {@code th:fragment} of it), the names the MVC controllers return. Templates are parsed once and cached.
 */
@ApplicationScoped
public class Views {

    /** Separates a template from the fragment of it to render. */
    public static final String FRAGMENT = "::";
    private static final String SUFFIX = ".html";

    @Inject
    ServletContext servletContext;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    @PostConstruct
    void init() {
        application = JakartaServletWebApplication.buildApplication(servletContext);
        var resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/views/");
        resolver.setSuffix(SUFFIX);
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** Whether a view name is one of these templates ({@code name.html} or {@code name.html::fragment}). */
    public static boolean renders(String view) {
        int fragment = view.indexOf(FRAGMENT);
        return (fragment < 0 ? view : view.substring(0, fragment)).endsWith(SUFFIX);
    }

    /**
     * Renders a view in a language; {@code lang} is set for the layout's language links, {@code names} for names
     * kept in English.
     */
    public void render(String view, Map<String, Object> model, Locale locale, HttpServletRequest request,
                       HttpServletResponse response, Writer out) throws IOException {
        int split = view.indexOf(FRAGMENT);
        var template = split < 0 ? view : view.substring(0, split);
        var fragments = split < 0 ? Set.<String>of() : Set.of(view.substring(split + FRAGMENT.length()));
        var context = new WebContext(application.buildExchange(request, response), locale, model);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("names", new Names(locale));
        engine.process(template.substring(0, template.length() - SUFFIX.length()), fragments, context, out);
        out.flush();
    }
}
