package org.autocollections.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.autocollections.ConfigMappings;
import org.autocollections.DatabaseFree;
import org.autocollections.api.Jurisdiction;
import org.autocollections.api.Language;
import org.junit.jupiter.api.Test;

/** What an operator writes in collections.language.* is read as the service reads it when it starts. */
@DatabaseFree
class LanguageConfigTest {

    private static LanguageConfig read(Map<String, String> properties) {
        return ConfigMappings.read(LanguageConfig.class, properties);
    }

    @Test
    void englishUnlessConfiguredAndAJurisdictionsOwnLanguageInAnyCase() {
        LanguageConfig config = read(Map.of("collections.language.jurisdiction.CN", "ZH-cn"));

        assertThat(config.defaultLanguage()).isEqualTo(Language.EN);
        assertThat(config.jurisdiction()).containsExactly(Map.entry("CN", Language.ZH_CN));

        ConfiguredLanguage choice = new ConfiguredLanguage();
        choice.config = config;
        assertThat(choice.chosen(null, null, Jurisdiction.CN)).isEqualTo(Language.ZH_CN);
        assertThat(choice.chosen(null, null, Jurisdiction.US)).isEqualTo(Language.EN);
        assertThat(choice.chosen("zh-TW", "en", Jurisdiction.CN)).isEqualTo(Language.ZH_TW);
    }

    @Test
    void aMisspeltTagStopsTheStartNamingThePropertyAndTheTagsItTakes() {
        assertThatThrownBy(() -> read(Map.of("collections.language.default", "zh")))
                .hasMessageContaining("collections.language.default")
                .hasMessageContaining("en, zh-CN or zh-TW");
        assertThatThrownBy(() -> read(Map.of("collections.language.jurisdiction.US", "english")))
                .hasMessageContaining("collections.language.jurisdiction.US")
                .hasMessageContaining("en, zh-CN or zh-TW");
    }
}
