package org.autocollections.http;

import java.util.Map;

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
}
