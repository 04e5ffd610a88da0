package org.autocollections.http;

import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;

/** The language a problem is worded in, chosen from what the request says before any case is read. */
final class ProblemLanguage {

    private ProblemLanguage() {
    }

    /**
     * {@code ?lang=} when it names one of ours, else Accept-Language, else the configured default. A {@code lang}
     * none of ours is itself the problem, so that problem is worded in the Accept-Language's language (or the default).
     */
    static Language of(String lang, String acceptLanguage, LanguageChoice languages) {
        try {
            return Language.ofTag(lang == null ? "" : lang.strip())
                    .orElseGet(() -> languages.chosen(null, acceptLanguage, null));
        } catch (RuntimeException misconfiguredOrOutsideARequest) {
            // a misspelt default is the operator's mistake, said at startup; it must not hide the caller's problem
            return Language.negotiated(acceptLanguage).orElse(Language.EN);
        }
    }
}
