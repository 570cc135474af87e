package app.digits.drawing.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.prediction.entity.Drawing;
import app.digits.prediction.entity.TestDrawings;
import app.digits.platform.control.BundleMessageResolver;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The pages' result fragments, rendered from the real templates and messages as HTMX swaps them in: a
 * digit with its feedback buttons, a drawing that is not one digit with its reason in words, and a number
 * with its correction form.
 */
class ResultFragmentTest {

    private static final double[] PROBABILITIES = {0.01, 0.02, 0.3, 0.27, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05};

    private static String render(Drawing drawing, Locale locale) {
        return render("home", "result", Map.of("drawing", drawing, "inputImage", "data:,"), locale);
    }

    private static String render(String template, String fragment, Map<String, Object> variables, Locale locale) {
        var resolver = new FileTemplateResolver();
        resolver.setPrefix("src/main/webapp/WEB-INF/views/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        var engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(new BundleMessageResolver());
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        return engine.process(template, Set.of(fragment), new Context(locale, variables));
    }

    @Test
    void aRecognizedDigitShowsItsConfidenceAndAsksWhetherItIsRight() {
        var html = render(Drawing.recognized(new byte[] {1}, new byte[784], 2, PROBABILITIES, "m", 1), Locale.FRENCH);

        assertTrue(html.contains(">2</output>"), html);
        assertTrue(html.contains("Confiance : 30,0 %"), html);
        assertTrue(html.contains("Est-ce juste ?"), html);
        assertFalse(html.contains("refusal"), html);
    }

    @Test
    void aDrawingThatIsNotADigitSaysSoInBothLanguagesAndAsksWhatItWas() {
        var drawing = Drawing.refused(new byte[] {1}, new byte[784], "not-a-digit", PROBABILITIES, "m", 1);

        var french = render(drawing, Locale.FRENCH);
        assertTrue(french.contains("Cela ne ressemble pas à un chiffre."), french);
        assertTrue(french.contains("data-reason=\"not-a-digit\""), french);
        assertTrue(french.contains(">?</output>"), french);
        assertTrue(french.contains("Meilleure probabilité : 30,0 %"), french);
        assertTrue(french.contains("C’était :"), french);
        assertFalse(french.contains("Est-ce juste ?"), french);
        assertTrue(french.contains("class=\"bars\""), "the probabilities are still shown");

        var english = render(drawing, Locale.ENGLISH);
        assertTrue(english.contains("This does not look like a digit."), english);
        assertTrue(english.contains("It was:"), english);
    }

    @Test
    void severalDigitsPointToTheNumberPage() {
        var html = render(Drawing.refused(new byte[] {1}, new byte[784], "several-digits", PROBABILITIES, "m", 1), Locale.ENGLISH);

        assertTrue(html.contains("I see several digits."), html);
        assertTrue(html.contains("href=\"/number\""), html);
    }

    @Test
    void everyReasonHasItsWordsInBothLanguages() {
        for (var reason : new String[] {"not-a-digit", "several-digits", "unsure"}) {
            for (var locale : new Locale[] {Locale.FRENCH, Locale.ENGLISH}) {
                var html = render(Drawing.refused(new byte[] {1}, new byte[784], reason, PROBABILITIES, "m", 1), locale);
                assertFalse(html.contains("??"), reason + " " + locale + ": " + html);
            }
        }
    }

    @Test
    void aNumberReadOffersALabelledFieldHoldingTheReadingToCorrectIt() {
        var drawing = TestDrawings.number(4, 0, 7);
        var variables = Map.<String, Object>of("drawing", drawing, "digitImages", java.util.List.of("data:,", "data:,", "data:,"),
                "maxDigits", 10);

        var english = render("number", "result", variables, Locale.ENGLISH);
        assertTrue(english.contains("hx-post=\"/number/label?id=" + drawing.getId() + "\""), english);
        assertTrue(english.contains("<label for=\"correct-number\">The right number</label>"), english);
        assertTrue(english.contains("id=\"correct-number\" name=\"number\" value=\"407\""), "prefilled with the reading: " + english);
        assertTrue(english.contains("pattern=\"[0-9]{1,10}\""), english);
        assertTrue(render("number", "result", variables, Locale.FRENCH).contains("Le bon nombre"));

        drawing.labelNumber("4071");
        var thanks = render("number", "number-feedback", Map.of("labelled", drawing), Locale.FRENCH);
        assertTrue(thanks.contains("role=\"status\"") && thanks.contains("comme le nombre 4071"), thanks);
        assertFalse(thanks.contains("<form"), thanks);
    }
}
