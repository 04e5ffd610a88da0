package org.autocollections.ruleset;

import java.util.Map;

import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Which language words reasons and scripts when the caller asks for none the service speaks. */
@ConfigMapping(prefix = "collections.language")
public interface LanguageConfig {

    /** The language when nothing else chooses: en, zh-CN or zh-TW. */
    @WithName("default")
    @WithDefault("en")
    String defaultTag();

    /** A default per jurisdiction, {@code collections.language.jurisdiction.CN=zh-CN}, for the case's own language. */
    Map<String, String> jurisdiction();

    /**
     * The language of the words: {@code ?lang=} (a 400 naming {@code lang} unless en, zh-CN or zh-TW), else the best
     * match of {@code Accept-Language}, else the jurisdiction's default, else the default.
     */
    default Language chosen(String lang, String acceptLanguage, Jurisdiction jurisdiction) {
        String configured = jurisdiction == null ? null : jurisdiction().get(jurisdiction.name());
        return Language.chosen(lang, acceptLanguage, configured != null ? tag(configured) : tag(defaultTag()));
    }

    private static Language tag(String tag) {
        // a misconfigured tag is the operator's mistake, not the caller's: said at the first request that needs it
        return Language.ofTag(tag).orElseThrow(() -> new IllegalStateException(
                "collections.language: '" + tag + "' is no language the service speaks (en, zh-CN, zh-TW)"));
    }
}
