package app.digits.valve;

import org.apache.catalina.HttpRequest;
import org.apache.catalina.Request;
import org.apache.catalina.Response;
import org.apache.catalina.valves.ValveBase;
import org.glassfish.grizzly.http.util.DataChunk;

/**
 * Lets a path with a colon ({@code /a:b}, {@code /api/predictions/a%3Ab}) reach the application, which then
 * answers it as any unknown address (its 404 page, or problem+json under {@code /api}), instead of the empty
 * 500 of Payara 7.2025.1. With Jakarta Security installed (the admin area), Payara's authenticator
 * ({@code RealmAdapter}) asks Exousia for the request's {@code WebResourcePermission}, whose name Exousia
 * takes from the request attribute {@code org.apache.catalina.CONSTRAINT_URI}, as is, without the colon
 * escaping it applies otherwise; Catalina's request answers that attribute with its mapped request path, and
 * a colon in a permission name separates URL-pattern qualifiers, so the constructor throws (Payara issue
 * #7777). This valve runs in the virtual server's pipeline, after
 * the request is mapped and before any application valve or authenticator, and writes that path back with
 * each colon as {@code %3A}, exactly what Exousia does for a path it reads itself. Only the constraint path
 * changes (used for security constraints, filter mapping and the {@code WEB-INF} check, whose patterns have
 * no colon, so no match moves); the request URI, servlet path and path info the application reads keep
 * their colon. It is installed by the {@code valve_1} property of the virtual server (pre-boot commands),
 * its jar put on the server's class path with {@code --addlibs}; it is built apart from the WAR, against the
 * {@code web-core} and Grizzly classes inside the Payara Micro jar it runs in.
 */
public class ColonPathValve extends ValveBase {

    @Override
    public int invoke(Request request, Response response) {
        if (request instanceof HttpRequest http) {
            DataChunk path = http.getRequestPathMB();
            String value = path == null ? null : path.toString();
            if (value != null && value.indexOf(':') >= 0) {
                path.setString(value.replace(":", "%3A"));
            }
        }
        return INVOKE_NEXT;
    }
}
