package org.autocollections.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;
import org.autocollections.api.LanguageChoice;

/** The caller's language, negotiated over HTTP, with the configured defaults behind it. */
@ApplicationScoped
public class ConfiguredLanguage implements LanguageChoice {

    @Inject
    LanguageConfig config;

    @Override
    public Language chosen(String lang, String acceptLanguage, Jurisdiction jurisdiction) {
        String configured = jurisdiction == null ? null : config.jurisdiction().get(jurisdiction.name());
        return Language.chosen(lang, acceptLanguage, tag(configured != null ? configured : config.defaultTag()));
    }

    private static Language tag(String tag) {
        // a misconfigured tag is the operator's mistake, not the caller's: said at the first request that needs it
        return Language.ofTag(tag).orElseThrow(() -> new IllegalStateException(
                "collections.language: '" + tag + "' is no language the service speaks (en, zh-CN, zh-TW)"));
    }
}
