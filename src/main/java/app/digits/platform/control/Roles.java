package app.digits.platform.control;

/**
 * The application's one role, named once for every {@code @RolesAllowed} of the admin resources (in several
 * features) and for the identity store that grants it; {@code web.xml} and {@code glassfish-web.xml} spell the
 * same name.
 */
public final class Roles {

    public static final String ADMIN = "admin";

    private Roles() {
    }
}
