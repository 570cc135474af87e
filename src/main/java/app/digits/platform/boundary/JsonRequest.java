package app.digits.platform.boundary;

/**
 * Marks a record as the JSON body of a request, read by {@link StrictJsonReader} and no other reader. JAX-RS
 * picks among the readers that accept {@code application/json} by the distance from the body's class to the
 * type each reader declares: JSON-B's reader, which Payara registers for every application, declares
 * {@code Object}; this interface is nearer to every class that implements it, so the strict reader always wins,
 * whatever order the readers were registered in.
 */
public interface JsonRequest {

    /**
     * The refusal of a resource method's {@code @NotNull} request record, for the case JAX-RS binds no body at
     * all (an empty request without a content type) instead of asking the reader.
     */
    String ABSENT = "The request body is empty";
}
