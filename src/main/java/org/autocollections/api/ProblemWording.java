package org.autocollections.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of problems and draft findings in each language, from {@code messages/problems_<lang>.properties}. The
 * English file holds each sentence as the code writes it, with {@code {0}}, {@code {1}}... where a value goes; the
 * other files hold the same keys in their language. Our sentences are raised as a {@link Message}, a key and its
 * values, and worded from the key. A text someone else wrote (a library's, or one kept from before sentences had
 * keys) is read by matching it against the English templates, so the values it carries pass through verbatim, and
 * a text no template matches stays as it is rather than being lost.
 */
public final class ProblemWording {

    /** The files' names, which the tests enumerate too. */
    public static final String RESOURCE = "messages/problems_%s.properties";

    /** Marks a value that is one of our words ({@link Message#word}), worded rather than kept verbatim. */
    static final char WORD = '\u0001';

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);
    private static final List<Template> TEMPLATES;

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load(language));
        }
        Properties english = TEXTS.get(Language.EN);
        TEMPLATES = english.stringPropertyNames().stream()
                .map(key -> new Template(key, english.getProperty(key)))
                // the longest fixed text first, so that "is not a field of a case: {0}" wins over "is not a field of {0}"
                .sorted(Comparator.comparingInt(Template::fixedLength).reversed().thenComparing(Template::key))
                .toList();
    }

    private ProblemWording() {
    }

    /** The keys of a language's file, for the test that every language words everything English does. */
    public static Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    /** The text under a key in a language, if the file has it. */
    public static Optional<String> text(Language language, String key) {
        return Optional.ofNullable(TEXTS.get(language).getProperty(key));
    }

    /**
     * A sentence of ours in a language: the text under its key with the values in their places. The English file
     * must have the key (a test reads every key the code names); another language missing it falls back to English.
     */
    static String worded(String key, List<String> values, Language language) {
        String text = text(language, key).or(() -> text(Language.EN, key))
                .orElseThrow(() -> new IllegalStateException("No words for " + key + " in " + String.format(RESOURCE, "en")));
        Matcher slots = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slots.find()) {
            int at = Integer.parseInt(slots.group(1));
            String value = at < values.size() ? values.get(at) : slots.group();
            if (!value.isEmpty() && value.charAt(0) == WORD) {
                value = worded(value.substring(1), List.of(), language);
            }
            slots.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        slots.appendTail(out);
        return out.toString();
    }

    /**
     * A sentence in a language, when one of the English templates under the given key prefixes reads it; the values
     * it carries are kept verbatim. Unchanged when none does, or in English.
     */
    public static String sentence(String english, Language language, String... prefixes) {
        if (english == null || language == Language.EN) {
            return english;
        }
        for (Template template : TEMPLATES) {
            if (!startsWithAny(template.key(), prefixes)) {
                continue;
            }
            Matcher m = template.pattern().matcher(english);
            if (m.matches()) {
                Optional<String> translated = text(language, template.key());
                if (translated.isPresent()) {
                    return fill(translated.get(), template, m);
                }
            }
        }
        return english;
    }

    private static boolean startsWithAny(String key, String... prefixes) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String fill(String text, Template template, Matcher m) {
        Matcher slots = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (slots.find()) {
            String value = m.group("g" + slots.group(1));
            slots.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        slots.appendTail(out);
        return out.toString();
    }

    private static Properties load(Language language) {
        String name = String.format(RESOURCE, language.locale().toString());
        Properties texts = new Properties();
        try (InputStream in = ProblemWording.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** An English sentence with its values as named groups; a value said twice must be the same both times. */
    private record Template(String key, Pattern pattern, int fixedLength) {

        Template(String key, String english) {
            this(key, compile(english), PLACEHOLDER.matcher(english).replaceAll("").length());
        }

        private static Pattern compile(String english) {
            Matcher slots = PLACEHOLDER.matcher(english);
            StringBuilder regex = new StringBuilder();
            List<String> seen = new ArrayList<>();
            int at = 0;
            while (slots.find()) {
                regex.append(Pattern.quote(english.substring(at, slots.start())));
                String name = "g" + slots.group(1);
                regex.append(seen.contains(name) ? "\\k<" + name + ">" : "(?<" + name + ">.+?)");
                seen.add(name);
                at = slots.end();
            }
            regex.append(Pattern.quote(english.substring(at)));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
