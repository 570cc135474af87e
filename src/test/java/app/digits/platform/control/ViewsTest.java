package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewsTest {

    @Test
    void rendersTemplatesAndTheirFragmentsOnly() {
        assertTrue(Views.renders("home.html"));
        assertTrue(Views.renders("home.html::result"));
        assertFalse(Views.renders("home.jsp"), "left to Krazo's JSP engine");
        assertFalse(Views.renders("home.xhtml::result"));
        assertFalse(Views.renders("home"));
    }
}
