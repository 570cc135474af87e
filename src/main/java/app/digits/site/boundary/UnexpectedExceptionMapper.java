package app.digits.site.boundary;

import app.digits.platform.control.ProblemException;
import app.digits.platform.control.Problems;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line of defence: a bug becomes a 500 with a reference the log can be searched for, never a stack
 * trace or an exception message in the response.
 */
@Provider
public class UnexpectedExceptionMapper extends ProblemMapper<Throwable> {

    @Override
    ProblemException problemOf(Throwable error) {
        return Problems.unexpected(error);
    }
}
