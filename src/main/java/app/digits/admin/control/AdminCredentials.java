package app.digits.admin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may use the admin pages and API. The password comes from configuration ({@code DIGITS_ADMIN_PASSWORD});
 * when none is configured a random one is generated at start and logged once, so there is never a default
 * password. Checks compare in constant time.
 */
@ApplicationScoped
public class AdminCredentials {

    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());

    @Inject
    @ConfigProperty(name = "digits.admin.user", defaultValue = "admin")
    String user;

    @Inject
    @ConfigProperty(name = "digits.admin.password")
    Optional<String> configuredPassword;

    private byte[] password;

    @PostConstruct
    void init() {
        var chosen = configuredPassword.filter(value -> !value.isBlank()).orElseGet(() -> {
            var bytes = new byte[15];
            new SecureRandom().nextBytes(bytes);
            var generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            LOG.warning(() -> "No DIGITS_ADMIN_PASSWORD configured: the admin pages accept user '" + user
                    + "' with the generated password " + generated + " until the next restart");
            return generated;
        });
        password = chosen.getBytes(StandardCharsets.UTF_8);
    }

    /** Observing the start makes the container create this bean then, so a generated password is logged at once. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        // creating the bean (and running init) is the point
    }

    /** A user name and password as a client sent them. */
    public record Login(String user, String password) {
    }

    /** Reads an HTTP Basic {@code Authorization} header; empty when there is none or it is malformed. */
    public static Optional<Login> fromBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new Login(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Whether these are the admin's user name and password, compared in constant time. */
    public boolean accepts(Login login) {
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                login.user().getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, login.password().getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches;
    }
}
