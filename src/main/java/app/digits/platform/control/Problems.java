package app.digits.platform.control;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what an error answer says, whoever raised it: the application (a {@link ProblemException}), JAX-RS
 * (an unknown path, a wrong method) or the container (a status sent before or around the application). Each
 * status gets a title and a sentence in plain words; a bug gets a 500 with a reference to search the log for.
 * Exception messages of libraries never reach a client. The API writes the result as problem+json, the pages
 * as the translated error page.
 */
public final class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    private record Wording(String title, String detail) {
    }

    private static final Map<Integer, Wording> WORDINGS = Map.ofEntries(
            Map.entry(400, new Wording("Bad request", "This request cannot be understood")),
            Map.entry(401, new Wording("Unauthorized", "This address needs credentials")),
            Map.entry(403, new Wording("Forbidden", "This request is not allowed")),
            Map.entry(404, new Wording("Not found", "There is nothing at this address")),
            Map.entry(405, new Wording("Method not allowed", "This address does not accept this method")),
            Map.entry(406, new Wording("Not acceptable", "This address cannot answer in the format asked for")),
            Map.entry(408, new Wording("Request timeout", "The request took too long to arrive")),
            Map.entry(409, new Wording("Conflict", "This cannot be done in the current state")),
            Map.entry(413, new Wording("Content too large", "The request is too large")),
            Map.entry(414, new Wording("URI too long", "The address is too long")),
            Map.entry(415, new Wording("Unsupported media type", "This address does not accept this content type")),
            Map.entry(422, new Wording("Unprocessable content", "The request is well-formed but its content is invalid")),
            Map.entry(429, new Wording("Too many requests", "Too many requests; try again later")),
            Map.entry(500, new Wording("Internal server error", "The server failed to handle this request")),
            Map.entry(503, new Wording("Service unavailable", "The service is not available right now; try again in a minute")));

    private Problems() {
    }

    /** The problem for a bare status, with its usual title and sentence. */
    public static ProblemException of(int status) {
        var wording = WORDINGS.get(status);
        if (wording != null) {
            return new ProblemException(status, wording.title(), wording.detail());
        }
        return status >= 500 ? new ProblemException(status, "Server error", "The server failed to handle this request")
                : new ProblemException(status, "Request refused", "This request cannot be served");
    }

    /**
     * A request path the server cannot read: an encoded null or backslash, an escape that is not UTF-8 or not
     * an escape at all, a path climbing above the root.
     */
    public static ProblemException unreadableAddress() {
        return new ProblemException(400, "Bad request", "The address cannot be read: it holds an encoded null or"
                + " backslash, an invalid percent-encoding, or climbs above the root");
    }

    /** The key of the sentence the error page shows people for a status, in their language. */
    public static String pageMessageKey(int status) {
        return WORDINGS.containsKey(status) ? "error." + status : "error.other";
    }

    /** A bug: logged with a fresh reference, answered as a 500 that gives only the reference. */
    public static ProblemException unexpected(Throwable error) {
        var reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, error);
        return new ProblemException(500, "Internal server error",
                "The server failed to handle this request (reference " + reference + ")");
    }

    /**
     * What to answer when the container hands an error to the error page: the application's own problem if
     * one was raised, a 500 for any other exception, otherwise the status the container chose.
     */
    public static ProblemException ofError(int status, Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
        }
        if (error != null) {
            return unexpected(error);
        }
        return of(status < 400 ? 404 : status);
    }
}
