package app.digits.platform.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A smaller cap than the server-wide {@code digits.upload.max-body-bytes} for one request body, on the
 * resource method's entity parameter: an order of a few fields has no reason to be megabytes long. The body
 * readers ({@link StrictJsonReader}) stop reading past it with a 413.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface BodyLimit {

    /** The most bytes the body may have. */
    long value();

    /** What the body is, for the refusal ("The training order is larger than ..."). */
    String what();
}
