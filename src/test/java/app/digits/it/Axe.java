package app.digits.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility rules engine, injected into the page a browser test has open: the build fetches
 * it from npm with its SHA-512 pinned (the app never serves it), and this runs it and keeps the violations
 * of serious or critical impact, each as rule, impact and the first offending elements.
 */
final class Axe {

    private static String source;

    private Axe() {
    }

    /** One broken rule on one page: the rule, its impact, and up to three of the elements that break it. */
    record Violation(String rule, String impact, List<String> targets) {
        @Override
        public String toString() {
            return impact + " " + rule + " " + targets;
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(Path.of(System.getProperty("digits.it.axe", "target/axe/axe.min.js")));
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is fetched by the build (mvn generate-test-resources)", e);
            }
        }
        return source;
    }

    /** The serious and critical violations of the page as it is now (WCAG 2.1 A and AA rules and best practices). */
    @SuppressWarnings("unchecked")
    static List<Violation> seriousViolations(WebDriver browser) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(source());
        var found = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'],
                                   runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                   .catch(e => done([{rule: 'axe failed: ' + e, impact: 'critical', targets: []}]));""");
        return found.stream().map(v -> new Violation((String) v.get("rule"), (String) v.get("impact"), (List<String>) v.get("targets")))
                .toList();
    }
}
