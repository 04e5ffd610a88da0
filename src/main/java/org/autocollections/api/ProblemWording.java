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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of problems and draft findings in each language, from {@code messages/problems_<lang>.properties}. The
 * English file holds each sentence as the code writes it, with {@code {0}}, {@code {1}}... where a value goes; the
 * other files hold the same keys in their language. A sentence is translated by matching it against the English
 * templates, so the values it carries (a field, a limit, a cell, a compiler's text) pass through verbatim, and a
 * sentence no template matches stays as it is rather than being lost.
 */
public final class ProblemWording {

    /** The files' names, which the tests enumerate too. */
    public static final String RESOURCE = "messages/problems_%s.properties";

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
    public static java.util.Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    /** The text under a key in a language, if the file has it. */
    public static Optional<String> text(Language language, String key) {
        return Optional.ofNullable(TEXTS.get(language).getProperty(key));
    }

    /** The problem in a language: title and detail (and each field's message) worded anew, all else unchanged. */
    public static Problem in(Problem problem, Language language) {
        if (language == Language.EN || problem.type() == null) {
            return problem;
        }
        String key = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        String title = text(language, key + ".title").orElse(problem.title());
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), sentence(e.message(), language, "field.")))
                .toList();
        String detail = problem.detail();
        if (errors != null && detail != null && detail.equals(joined(problem.errors(), ": ", "; "))) {
            detail = joined(errors, text(language, "separator.field").orElse(": "),
                    text(language, "separator.list").orElse("; "));
        } else {
            detail = sentence(detail, language, key + ".detail", "field.", "message.");
        }
        return new Problem(problem.type(), title, problem.status(), detail, problem.instance(), errors,
                problem.problems());
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

    private static String joined(List<Problem.FieldError> errors, String between, String separator) {
        return errors.stream().map(e -> e.field() + between + e.message()).collect(Collectors.joining(separator));
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
