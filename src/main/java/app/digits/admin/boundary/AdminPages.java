package app.digits.admin.boundary;

import app.digits.platform.boundary.SessionCookie;
import app.digits.platform.control.CsrfTokens;
import app.digits.platform.control.ProblemException;
import app.digits.platform.control.SharedSessions;
import app.digits.registry.control.ModelRegistry;
import app.digits.registry.entity.ModelDescriptor;
import app.digits.site.control.PageModels;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * What every admin page controller needs besides its own services, in one request-scoped collaborator: the
 * MVC models filled with the layout's values (current page, start-up status, served model), the session's
 * CSRF token for pages with forms, and the registry the pages look models up in (an unknown id is a 404).
 * The controllers' class annotations stay on each class: neither {@code @Controller} nor {@code @RolesAllowed}
 * is {@code @Inherited}, and JAX-RS reads {@code @Path} and {@code @Produces} from the resource class itself.
 */
@RequestScoped
public class AdminPages {

    @Inject
    Models models;

    @Inject
    PageModels pages;

    @Inject
    ModelRegistry registry;

    @Inject
    SharedSessions sessions;

    @Inject
    HttpServletRequest request;

    /** The models of admin page {@code page}, holding what the layout shows. */
    Models show(String page) {
        pages.of(page, "/admin").forEach(models::put);
        return models;
    }

    /** The models of admin page {@code page}, also holding the CSRF token its forms and HTMX requests send. */
    Models showWithForms(String page) {
        show(page).put("csrf", CsrfTokens.tokenOf(sessions, SessionCookie.id(request)));
        return models;
    }

    ModelRegistry registry() {
        return registry;
    }

    /** The registered model {@code id}; a 404 when there is none. */
    ModelDescriptor model(String id) throws IOException {
        return registry.models().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No model with id " + id));
    }

    /** Where the admin dashboard is, for redirects after a form post. */
    String dashboardUrl() {
        return request.getContextPath() + "/admin";
    }
}
