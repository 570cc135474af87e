package app.digits.platform.control;

import java.util.Locale;

/**
 * Names the app keeps in English (the algorithm titles of models, runs and the training form) as a page shows
 * them in its language: a French page says "Forêt aléatoire" where the descriptor says "Random forest". A name
 * with no translation is shown as stored. Templates reach it as {@code names}.
 */
public record Names(Locale locale) {

    /** The title of an algorithm in the page's language (bundle key {@code algorithm.<title, spaces as _>}). */
    public String algorithm(String title) {
        if (title == null) {
            return null;
        }
        var translated = BundleMessageResolver.messageOrNull(locale, "algorithm." + title.replace(' ', '_'));
        return translated == null ? title : translated;
    }
}
