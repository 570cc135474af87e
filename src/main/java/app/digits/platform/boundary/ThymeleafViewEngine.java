package app.digits.platform.boundary;

import app.digits.platform.control.Languages;
import app.digits.platform.control.Views;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mvc.MvcContext;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;
import jakarta.mvc.engine.ViewEngineException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * Thymeleaf as the view engine of Jakarta MVC. Krazo ships engines for JSP and Facelets only, and its
 * Thymeleaf extension is not published for Krazo 4, so this small adapter hands a controller's view
 * ({@code home.html}, or {@code home.html::result} for the fragment an HTMX swap asks for) and its
 * {@code Models} to {@link Views}, in the language the MVC locale resolver chose ({@link LanguageResolver}),
 * remembering a language just picked with the switch. {@code mvc} in a template is the {@code MvcContext}
 * (its {@code csrf} name and token for forms).
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION)
public class ThymeleafViewEngine implements ViewEngine {

    @Inject
    Views views;

    @Inject
    MvcContext mvc;

    @Override
    public boolean supports(String view) {
        return Views.renders(view);
    }

    @Override
    public void processView(ViewEngineContext context) throws ViewEngineException {
        var request = context.getRequest(HttpServletRequest.class);
        var response = context.getResponse(HttpServletResponse.class);
        var locale = context.getLocale();
        Languages.remember(request.getParameter(Languages.PARAMETER), response);
        context.getResponseHeaders().putSingle("Content-Language", locale.getLanguage());
        var model = new HashMap<>(context.getModels().asMap());
        model.put("mvc", mvc);
        try {
            views.render(context.getView(), model, locale, request, response,
                    new OutputStreamWriter(context.getOutputStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ViewEngineException(e);
        }
    }
}
