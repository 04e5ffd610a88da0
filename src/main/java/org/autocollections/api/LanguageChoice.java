package org.autocollections.api;

/**
 * Which language an answer is worded in, as HTTP content negotiation and the service's configuration decide it. The
 * endpoints ask through this; the plumbing that reads the configuration answers, so no feature depends on it.
 */
public interface LanguageChoice {

    /**
     * The language of the words: {@code ?lang=} (a 400 naming {@code lang} unless en, zh-CN or zh-TW), else the best
     * match of {@code Accept-Language}, else the jurisdiction's default, else the default.
     */
    Language chosen(String lang, String acceptLanguage, Jurisdiction jurisdiction);

    /**
     * The language an answer with that trace is worded in: a compact answer carries no words, so it is decided in
     * English whatever is asked (its codes are the same in every language), though a {@code lang} none of ours is
     * refused all the same, so that a mistake shows before the full trace is asked for.
     */
    default Language forAnswer(Trace trace, String lang, String acceptLanguage, Jurisdiction jurisdiction) {
        if (!trace.worded()) {
            Language.chosen(lang, null, Language.EN);
            return Language.EN;
        }
        return chosen(lang, acceptLanguage, jurisdiction);
    }

    /**
     * The language a problem is worded in, chosen from what the request says before any case is read: {@code ?lang=}
     * when it names one of ours, else Accept-Language, else the configured default. A {@code lang} none of ours is
     * itself the problem, so that problem is worded in the Accept-Language's language (or the default).
     */
    default Language forProblem(String lang, String acceptLanguage) {
        try {
            return Language.ofTag(lang == null ? "" : lang.strip()).orElseGet(() -> chosen(null, acceptLanguage, null));
        } catch (RuntimeException misconfiguredOrOutsideARequest) {
            // a misspelt default is the operator's mistake, said at startup; it must not hide the caller's problem
            return Language.negotiated(acceptLanguage).orElse(Language.EN);
        }
    }
}
