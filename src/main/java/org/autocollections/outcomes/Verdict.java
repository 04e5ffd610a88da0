package org.autocollections.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.autocollections.api.Language;

/**
 * The verdict on a challenger's cure rate in plain words, in each language the service speaks, from
 * {@code messages/verdicts_<lang>.properties}: {0} the challenger, {1} the difference in percentage points, {2} the
 * champion, {3} and {4} the interval's ends in points, {5} a number of cases per arm.
 */
record Verdict(String key, Object[] arguments) {

    static final String RESOURCE = "messages/verdicts_%s.properties";
    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            TEXTS.put(language, load(language));
        }
    }

    static Verdict noData(String arm) {
        return new Verdict("verdict.no-data", new Object[] { arm });
    }

    static Verdict significant(String challenger, String champion, Interval cure) {
        return worded("verdict.significant.", challenger, champion, cure, null);
    }

    static Verdict notYet(String challenger, String champion, Interval cure, long moreCases) {
        return worded("verdict.not-yet.", challenger, champion, cure, moreCases);
    }

    static Verdict noDifference(String challenger, String champion, Interval cure, long casesPerArm) {
        return worded("verdict.no-difference.", challenger, champion, cure, casesPerArm);
    }

    private static Verdict worded(String prefix, String challenger, String champion, Interval cure, Long cases) {
        String points = points(Math.abs(cure.estimate()));
        String direction = points.equals(points(0)) ? "same" : cure.estimate() > 0 ? "more" : "fewer";
        return new Verdict(prefix + direction, new Object[] { challenger, points, champion, points(cure.lower()),
                points(cure.upper()), cases == null ? "" : String.format(Locale.ROOT, "%,d", cases) });
    }

    /** A fraction as percentage points to one place, half-even: 0.0312 is 3.1. */
    static String points(double fraction) {
        return BigDecimal.valueOf(fraction * 100).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    String in(Language language) {
        String template = TEXTS.get(language).getProperty(key);
        if (template == null) {
            throw new IllegalStateException(String.format(RESOURCE, tag(language)) + " has no " + key);
        }
        return new MessageFormat(template, Locale.ROOT).format(arguments);
    }

    /** The verdict in every language, by language tag (en, zh-CN, zh-TW). */
    Map<String, String> words() {
        Map<String, String> words = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            words.put(language.tag(), in(language));
        }
        return words;
    }

    static Properties texts(Language language) {
        return TEXTS.get(language);
    }

    private static String tag(Language language) {
        return language.tag().replace('-', '_');
    }

    private static Properties load(Language language) {
        String name = String.format(RESOURCE, tag(language));
        Properties texts = new Properties();
        try (InputStream in = Verdict.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
