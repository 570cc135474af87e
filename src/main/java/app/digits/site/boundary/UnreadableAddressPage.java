package app.digits.site.boundary;

import app.digits.platform.control.Problems;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a request whose path the server cannot read (an encoded null or backslash, an invalid
 * percent-encoding, a climb above the root) with the app's 400, like any other error: problem+json under
 * {@code /api} or for a client naming JSON, the translated error page for a browser. Payara's connector
 * refuses such paths before any application exists for them; the Grizzly filter of {@code src/valve}
 * ({@code UnreadableAddressFilter}) sends them here instead, to the address under {@code /api} for an API
 * path. Both addresses are the valve's ({@code UnreadableAddresses}); asked for directly, they say the same.
 */
@WebServlet({"/unreadable-address", "/api/unreadable-address"})
public class UnreadableAddressPage extends HttpServlet {

    @Inject
    ErrorResponses errors;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(Problems.unreadableAddress(), request, response);
    }
}
