package app.digits.admin.control;

import app.digits.platform.control.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one account of the admin area, as a Jakarta Security identity store: the user name and password come
 * from configuration ({@code digits.admin.user}, {@code DIGITS_ADMIN_PASSWORD}); when no password is
 * configured a random one is generated at start and logged once, so there is never a default password. A
 * match gives the caller the {@code admin} group, which {@code glassfish-web.xml} maps to the role of the
 * same name. Both parts are compared in constant time, and both always, so timing tells nothing.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

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

    /** The account's HTTP Basic header, for the server's own loopback visit of its admin pages at start. */
    String basicAuthorization() {
        var pair = user + ":" + new String(password, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        boolean userMatches = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                login.getCaller().getBytes(StandardCharsets.UTF_8));
        boolean passwordMatches = MessageDigest.isEqual(password, login.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
        return userMatches & passwordMatches ? new CredentialValidationResult(login.getCaller(), Set.of(Roles.ADMIN))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
