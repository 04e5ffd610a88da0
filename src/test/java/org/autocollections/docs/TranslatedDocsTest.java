package org.autocollections.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.autocollections.DatabaseFree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Analysts read the policy and their guide in English or in Simplified Chinese (docs/zh-CN), and both must say the same
 * thing. Prose cannot be compared, so this test compares what can: the outline (heading levels in order, explicit
 * anchors), the number of tables and code blocks in each section, and the code itself, which is never translated.
 * A failure names the section and the file that must catch up.
 */
@DatabaseFree
class TranslatedDocsTest {

    private static final Path DOCS = Path.of("docs");
    private static final Path ZH_CN = DOCS.resolve("zh-CN");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern EXPLICIT_ID = Pattern.compile("\\{#([^}\\s]+)}|<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)*)\\.?\\s");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");

    /** Every translation, paired with the English page of the same name. */
    static Stream<String> translatedDocs() throws IOException {
        try (Stream<Path> files = Files.list(ZH_CN)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted()
                    .toList().stream();
        }
    }

    @Test
    void thePolicyAndTheAnalystGuideAreTranslated() throws IOException {
        assertThat(translatedDocs().toList()).contains("policy.md", "analyst-guide.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translatedDocs")
    void eachPageLinksToTheOtherLanguageAtTheTop(String name) throws IOException {
        String english = Files.readAllLines(DOCS.resolve(name)).get(0);
        String chinese = Files.readAllLines(ZH_CN.resolve(name)).get(0);
        assertThat(english).as("first line of docs/%s links its Chinese version", name).contains("(zh-CN/" + name + ")");
        assertThat(chinese).as("first line of docs/zh-CN/%s links its English original", name)
                .contains("(../" + name + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("translatedDocs")
    void theTranslationHasTheSameSectionsTablesAndCode(String name) throws IOException {
        String englishFile = "docs/" + name;
        String chineseFile = "docs/zh-CN/" + name;
        Path englishPath = DOCS.resolve(name);
        assertThat(englishPath).as("%s translates %s, which does not exist", chineseFile, englishFile).exists();
        List<Section> english = Section.of(Files.readAllLines(englishPath));
        List<Section> chinese = Section.of(Files.readAllLines(ZH_CN.resolve(name)));

        for (int i = 0; i < Math.max(english.size(), chinese.size()); i++) {
            Section en = i < english.size() ? english.get(i) : null;
            Section zh = i < chinese.size() ? chinese.get(i) : null;
            if (en != null && zh != null && en.key().equals(zh.key())) {
                continue;
            }
            String after = i == 0 ? "at the top" : "after \"" + english.get(i - 1).title + "\"";
            if (zh == null || (en != null && !keysOf(chinese.subList(i, chinese.size())).contains(en.key()))) {
                fail("Section \"%s\" (%s, %s) of %s is missing from %s: translate it into %s", en.title,
                        en.marker(), after, englishFile, chineseFile, chineseFile);
            }
            fail("Section \"%s\" (%s, %s) of %s is not in %s: add it to %s or remove it from %s", zh.title,
                    zh.marker(), after, chineseFile, englishFile, englishFile, chineseFile);
        }
        for (int i = 0; i < english.size(); i++) {
            Section en = english.get(i);
            Section zh = chinese.get(i);
            String where = "section \"%s\" of %s and its translation \"%s\" in %s: update %s to match"
                    .formatted(en.title, englishFile, zh.title, chineseFile, chineseFile);
            assertThat(zh.anchors).as("explicit anchors of " + where).isEqualTo(en.anchors);
            assertThat(zh.tables).as("number of tables in " + where).isEqualTo(en.tables);
            assertThat(zh.codeBlocks).as("code blocks (code is never translated) in " + where)
                    .isEqualTo(en.codeBlocks);
        }
    }

    private static List<String> keysOf(List<Section> sections) {
        return sections.stream().map(Section::key).toList();
    }

    /** A heading and what follows it up to the next heading; the text before the first heading is section 0. */
    private static final class Section {
        final int level;
        final String title;
        final List<String> anchors = new ArrayList<>();
        int tables;
        final List<String> codeBlocks = new ArrayList<>();

        private Section(int level, String title) {
            this.level = level;
            this.title = title;
        }

        /** What a translation keeps of a heading: its level and its number ("6.", "2.1"), when it has one. */
        String key() {
            Matcher number = NUMBER.matcher(title);
            return level + ":" + (number.lookingAt() ? number.group(1) : "");
        }

        String marker() {
            return level == 0 ? "the text before the first heading" : "#".repeat(level) + " heading";
        }

        static List<Section> of(List<String> lines) {
            List<Section> sections = new ArrayList<>();
            Section current = new Section(0, "(top of the page)");
            sections.add(current);
            StringBuilder code = null;
            boolean inTable = false;
            for (String line : lines) {
                if (code != null) {
                    if (FENCE.matcher(line).find()) {
                        current.codeBlocks.add(code.toString());
                        code = null;
                    } else {
                        code.append(line.strip()).append('\n');
                    }
                    continue;
                }
                if (FENCE.matcher(line).find()) {
                    code = new StringBuilder(line.strip()).append('\n');
                    inTable = false;
                    continue;
                }
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    current = new Section(heading.group(1).length(), heading.group(2));
                    sections.add(current);
                    inTable = false;
                }
                Matcher id = EXPLICIT_ID.matcher(line);
                while (id.find()) {
                    current.anchors.add(id.group(1) != null ? id.group(1) : id.group(2));
                }
                boolean tableRow = line.stripLeading().startsWith("|");
                if (tableRow && !inTable) {
                    current.tables++;
                }
                inTable = tableRow;
            }
            return sections;
        }
    }
}
