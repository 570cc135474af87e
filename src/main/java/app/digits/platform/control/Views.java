package app.digits.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the Thymeleaf templates under {@code WEB-INF/views}, whole pages or single fragments for HTMX
 * swaps, in the language chosen for the request. Templates are parsed once and cached.
 */
@ApplicationScoped
public class Views {

    @Inject
    ServletContext servletContext;

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    @PostConstruct
    void init() {
        application = JakartaServletWebApplication.buildApplication(servletContext);
        var resolver = new WebApplicationTemplateResolver(application);
        resolver.setPrefix("/WEB-INF/views/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
    }

    /** Renders a whole page. */
    public void page(String template, Map<String, Object> model, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        render(template, Set.of(), model, request, response);
    }

    /** Renders one {@code th:fragment} of a template, for an HTMX swap. */
    public void fragment(String template, String fragment, Map<String, Object> model, HttpServletRequest request,
                         HttpServletResponse response) throws IOException {
        render(template, Set.of(fragment), model, request, response);
    }

    private void render(String template, Set<String> fragments, Map<String, Object> model,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        var locale = Languages.choose(request, response);
        var context = new WebContext(application.buildExchange(request, response), locale, model);
        context.setVariable("lang", locale.getLanguage());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Language", locale.getLanguage());
        engine.process(template, fragments, context, response.getWriter());
    }
}
