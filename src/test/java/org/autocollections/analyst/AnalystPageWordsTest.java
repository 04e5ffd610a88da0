package org.autocollections.analyst;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autocollections.api.Language;
import org.junit.jupiter.api.Test;

/**
 * Every word of the analyst's page has a text in every language the service speaks: each key the page's HTML
 * (data-i18n…) and code (t('…'), tn('…')) names is in every catalogue, the catalogues have the same keys, and no text
 * is left in the HTML without a key. Read from the files, no browser needed.
 */
class AnalystPageWordsTest {

    private static final Path PAGE = Path.of("src/main/resources/META-INF/resources/analyst");
    private static final Pattern CATALOGUE_KEY = Pattern.compile("^\\s*'([^']+)':", Pattern.MULTILINE);
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("\\bt\\('([^']+)'");
    private static final Pattern COUNTED_KEY = Pattern.compile("\\btn\\('([^']+)'");
    /** An element with words of its own: <tag attributes>text< */
    private static final Pattern HTML_TEXT = Pattern.compile("<(\\w+)([^>]*)>([^<]*\\p{L}[^<]*)<");

    @Test
    void everyLanguageTheServiceSpeaksHasACatalogueWithTheSameKeys() throws IOException {
        Set<String> english = keys(Language.EN);
        assertThat(english).hasSizeGreaterThan(100);
        for (Language language : Language.values()) {
            assertThat(keys(language)).as("the keys of i18n/%s.js against i18n/en.js", language.tag())
                    .containsExactlyInAnyOrderElementsOf(english);
        }
    }

    @Test
    void everyKeyThePageUsesIsInEveryCatalogue() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(HTML_KEY, read(PAGE.resolve("index.html"))));
        try (Stream<Path> files = Files.list(PAGE)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                String code = read(js);
                used.addAll(matches(CODE_KEY, code));
                for (String counted : matches(COUNTED_KEY, code)) {
                    used.add(counted + ".one");
                    used.add(counted + ".other");
                }
            }
        }
        assertThat(used).contains("status.ACTIVE", "upload.errors.one", "signin.title");
        for (Language language : Language.values()) {
            assertThat(keys(language)).as("i18n/%s.js", language.tag()).containsAll(used);
        }
    }

    @Test
    void theHtmlHasNoWordsWithoutAKey() throws IOException {
        List<String> bare = new ArrayList<>();
        Matcher m = HTML_TEXT.matcher(read(PAGE.resolve("index.html")));
        while (m.find()) {
            String tag = m.group(1);
            String attributes = m.group(2);
            // code is not translated, and each language's name is written in that language
            boolean exempt = tag.equals("code") || tag.equals("option") && attributes.matches(".*value=\"(en|zh-CN|zh-TW)\".*")
                    || m.group(3).strip().equals("API");
            if (!attributes.contains("data-i18n") && !exempt) {
                bare.add(m.group());
            }
        }
        assertThat(bare).as("text in index.html without a data-i18n key").isEmpty();
    }

    @Test
    void theLanguageSwitchOffersEveryLanguage() throws IOException {
        String html = read(PAGE.resolve("index.html"));
        for (Language language : Language.values()) {
            assertThat(html).contains("<option value=\"" + language.tag() + "\">");
        }
    }

    private static Set<String> keys(Language language) throws IOException {
        Path catalogue = PAGE.resolve("i18n").resolve(language.tag() + ".js");
        assertThat(catalogue).as("the catalogue of %s", language.tag()).exists();
        List<String> keys = matches(CATALOGUE_KEY, read(catalogue));
        assertThat(keys).as("keys given twice in %s", catalogue).doesNotHaveDuplicates();
        return new TreeSet<>(keys);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
