package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class BoundedInputTest {

    @Test
    void readsABodyUpToTheLimit() {
        assertArrayEquals(new byte[10], BoundedInput.readAtMost(new ByteArrayInputStream(new byte[10]), 10, "body"));
    }

    @Test
    void refusesABodyOverTheLimit() {
        var error = assertThrows(ProblemException.class,
                () -> BoundedInput.readAtMost(new ByteArrayInputStream(new byte[20_000]), 10_000, "The image"));
        assertEquals(413, error.status());
        assertEquals("The image is larger than the limit of 10000 bytes", error.detail());
    }
}
