package app.digits.site.boundary;

import com.mongodb.MongoClientException;
import jakarta.ws.rs.ext.Provider;

/** No server to talk to: not connected yet, or no server selected in time (the database is down). */
@Provider
public class MongoClientExceptionMapper extends MongoUnavailableMapper<MongoClientException> {
}
