package app.digits.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void algorithmTitlesSpeakThePagesLanguageAndUnknownOnesStayAsStored() {
        assertEquals("Forêt aléatoire", new Names(Locale.FRENCH).algorithm("Random forest"));
        assertEquals("SVM à noyau RBF sur composantes ACP", new Names(Locale.FRENCH).algorithm("SVM, RBF kernel on PCA features"));
        assertEquals("Random forest", new Names(Locale.ENGLISH).algorithm("Random forest"));
        assertEquals("Gradient boosting", new Names(Locale.FRENCH).algorithm("Gradient boosting"));
    }
}
