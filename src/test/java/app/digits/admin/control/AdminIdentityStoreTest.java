package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.digits.platform.control.Roles;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminIdentityStoreTest {

    private static AdminIdentityStore store(Optional<String> password) {
        var store = new AdminIdentityStore();
        store.user = "admin";
        store.configuredPassword = password;
        store.init();
        return store;
    }

    @Test
    void theConfiguredUserAndPasswordGetTheAdminRole() {
        var result = store(Optional.of("s3cret")).validate(new UsernamePasswordCredential("admin", "s3cret"));
        assertEquals(Status.VALID, result.getStatus());
        assertEquals("admin", result.getCallerPrincipal().getName());
        assertEquals(Set.of(Roles.ADMIN), result.getCallerGroups());
    }

    @Test
    void aWrongPasswordOrUserIsInvalid() {
        var store = store(Optional.of("s3cret"));
        assertEquals(Status.INVALID, store.validate(new UsernamePasswordCredential("admin", "s3cret!")).getStatus());
        assertEquals(Status.INVALID, store.validate(new UsernamePasswordCredential("root", "s3cret")).getStatus());
    }

    @Test
    void aBlankConfiguredPasswordIsReplacedByAGeneratedOneSoNoEmptyPasswordWorks() {
        var store = store(Optional.of(" "));
        assertEquals(Status.INVALID, store.validate(new UsernamePasswordCredential("admin", " ")).getStatus());
        assertEquals(Status.INVALID, store.validate(new UsernamePasswordCredential("admin", "")).getStatus());
    }

    @Test
    void otherKindsOfCredentialAreLeftToOtherStores() {
        assertEquals(Status.NOT_VALIDATED, store(Optional.of("s3cret")).validate(new CallerOnlyCredential("admin")).getStatus());
    }
}
