package app.digits.admin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminAreaTest {

    @Test
    void theAdminPagesAndApiAreGuardedWhateverTheMethod() {
        assertTrue(AdminArea.guards("GET", "/admin"));
        assertTrue(AdminArea.guards("POST", "/admin/serve"));
        assertTrue(AdminArea.guards("GET", "/admin/figures/balance"));
        assertTrue(AdminArea.guards("GET", "/api/admin/trainings/current"));
    }

    @Test
    void datasetWritesAreGuardedButTheirCountsArePublic() {
        assertTrue(AdminArea.guards("POST", "/api/datasets/train"));
        assertFalse(AdminArea.guards("GET", "/api/datasets"));
        assertFalse(AdminArea.guards("HEAD", "/api/datasets/train"));
    }

    @Test
    void pagesAndApiOutsideTheAdminAreaAreNot() {
        assertFalse(AdminArea.guards("GET", "/"));
        assertFalse(AdminArea.guards("GET", "/administration"));
        assertFalse(AdminArea.guards("POST", "/api/predictions"));
        assertFalse(AdminArea.guards("GET", "/number"));
    }
}
