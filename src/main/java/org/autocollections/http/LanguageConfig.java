package org.autocollections.http;

import java.util.Map;

import org.autocollections.api.Language;
import org.eclipse.microprofile.config.spi.Converter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Which language words reasons and scripts when the caller asks for none the service speaks. The tags are read when
 * the service starts, so that a misspelt one stops it rather than failing requests. They are checked by a converter,
 * not a Bean Validation constraint: a constrained mapping makes Quarkus build a validator for the configuration at
 * every start, about a second of it on these machines.
 */
@ConfigMapping(prefix = "collections.language")
public interface LanguageConfig {

    /** The language when nothing else chooses: en, zh-CN or zh-TW. */
    @WithName("default")
    @WithDefault("en")
    @WithConverter(Tag.class)
    Language defaultLanguage();

    /** A default per jurisdiction, {@code collections.language.jurisdiction.CN=zh-CN}, for the case's own language. */
    Map<String, @WithConverter(Tag.class) Language> jurisdiction();

    /** en, zh-CN or zh-TW, in any case; anything else stops the start with the property and the tags it may take. */
    final class Tag implements Converter<Language> {
        @Override
        public Language convert(String value) {
            return Language.ofTag(value.strip()).orElseThrow(() -> new IllegalArgumentException(
                    "'" + value + "' is no language the service speaks: en, zh-CN or zh-TW"));
        }
    }
}
