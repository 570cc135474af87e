package app.digits.admin.boundary;

import app.digits.admin.control.AdminArea;
import app.digits.admin.control.BasicCredentials;
import app.digits.admin.control.LoginThrottle;
import app.digits.platform.control.ProblemException;
import app.digits.site.boundary.ErrorPage;
import app.digits.site.boundary.MongoUnavailableMapper;
import com.mongodb.MongoClientException;
import com.mongodb.MongoSocketException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * HTTP Basic for the admin area, as a Jakarta Security authentication mechanism: on the addresses of the
 * {@link AdminArea} (the admin pages, the admin API, the writes to the datasets) the credentials are checked
 * by the identity stores ({@code AdminIdentityStore}), and a match logs the caller in with the {@code admin}
 * role that {@code @RolesAllowed} on those resources asks for. Soteria's own Basic
 * mechanism is not used because failed logins go through the {@link LoginThrottle} (shared by every instance
 * through MongoDB; while MongoDB is away the admin area answers 503 like the rest): while the client's address
 * or the user name it tries is blocked, it gets 429 with {@code Retry-After} whatever it sends, so guessing
 * during the delay learns nothing. A request with no credentials is a browser's first visit, not a guess, and
 * is not counted. Refusals go through the app's error page: problem+json for programs, the translated page for
 * browsers. Requests to unguarded addresses pass untouched, even when a browser repeats its credentials there.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Basic realm=\"Digits admin\", charset=\"UTF-8\"";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        var path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!AdminArea.guards(request.getMethod(), path)) {
            return context.doNothing();
        }
        var login = BasicCredentials.fromHeader(request.getHeader("Authorization"));
        if (login.isEmpty()) {
            return challenge(request, response);
        }
        try {
            return validate(login.get(), request, response, context);
        } catch (MongoClientException | MongoSocketException e) {
            // The throttle's counts are in MongoDB: without it no login is checked, as nothing else is served.
            return refuse(MongoUnavailableMapper.unavailable(e), request, response);
        }
    }

    private AuthenticationStatus validate(UsernamePasswordCredential login, HttpServletRequest request,
                                          HttpServletResponse response, HttpMessageContext context) {
        var address = request.getRemoteAddr();
        var user = login.getCaller();
        var wait = throttle.wait(address, user);
        if (wait.isPresent()) {
            return refuse(ProblemException.tooManyRequests("Too many failed logins from this address or for this user; try again in "
                    + ProblemException.wholeSeconds(wait.get()) + " seconds", wait.get()), request, response);
        }
        var result = identities.validate(login);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(address, user);
            return challenge(request, response);
        }
        throttle.succeeded(address, user);
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return refuse(new ProblemException(401, "Unauthorized", "This needs the admin credentials"), request, response);
    }

    private static AuthenticationStatus refuse(ProblemException problem, HttpServletRequest request, HttpServletResponse response) {
        try {
            ErrorPage.refuse(problem, request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
