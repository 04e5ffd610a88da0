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
}
