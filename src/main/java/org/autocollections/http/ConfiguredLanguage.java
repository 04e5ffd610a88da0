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
        Language configured = jurisdiction == null ? null : config.jurisdiction().get(jurisdiction.name());
        return Language.chosen(lang, acceptLanguage, configured != null ? configured : config.defaultLanguage());
    }
}
