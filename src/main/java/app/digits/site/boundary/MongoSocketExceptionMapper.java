package app.digits.site.boundary;

import com.mongodb.MongoSocketException;
import jakarta.ws.rs.ext.Provider;

/** The connection broke or was refused in the middle of an operation (the database went away). */
@Provider
public class MongoSocketExceptionMapper extends MongoUnavailableMapper<MongoSocketException> {
}
