package org.autocollections.ruleset;

import java.util.Map;

import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;
import org.autocollections.api.Trace;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Which language words reasons and scripts when the caller asks for none the service speaks. */
@ConfigMapping(prefix = "collections.language")
public interface LanguageConfig {

    /** The language when nothing else chooses: en, zh-CN or zh-TW. */
    @WithName("default")
    @WithDefault("en")
    @Pattern(regexp = LANGUAGES, message = "must be en, zh-CN or zh-TW")
    String defaultTag();

    /** A default per jurisdiction, {@code collections.language.jurisdiction.CN=zh-CN}, for the case's own language. */
    Map<String, @Pattern(regexp = LANGUAGES, message = "must be en, zh-CN or zh-TW") String> jurisdiction();

    /** The tags, checked when the service starts, so that a misspelt one stops it rather than failing requests. */
    String LANGUAGES = "(?i)en|zh-CN|zh-TW";

    /**
     * The language of the words: {@code ?lang=} (a 400 naming {@code lang} unless en, zh-CN or zh-TW), else the best
     * match of {@code Accept-Language}, else the jurisdiction's default, else the default.
     */
    default Language chosen(String lang, String acceptLanguage, Jurisdiction jurisdiction) {
        String configured = jurisdiction == null ? null : jurisdiction().get(jurisdiction.name());
        return Language.chosen(lang, acceptLanguage, configured != null ? tag(configured) : tag(defaultTag()));
    }

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

    private static Language tag(String tag) {
        // a misconfigured tag is the operator's mistake, not the caller's: said at the first request that needs it
        return Language.ofTag(tag).orElseThrow(() -> new IllegalStateException(
                "collections.language: '" + tag + "' is no language the service speaks (en, zh-CN, zh-TW)"));
    }
}
