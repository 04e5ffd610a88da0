package org.autocollections.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages reasons and scripts are worded in. A caller picks one with {@code ?lang=} (exactly one of the tags),
 * or with {@code Accept-Language}, read as HTTP content negotiation reads it: the caller's ranges in order of
 * preference, the first that matches one of ours wins, and none matching is no error (the default serves).
 */
public enum Language {
    EN("en", Locale.ENGLISH), ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE), ZH_TW("zh-TW", Locale.TRADITIONAL_CHINESE);

    /** How {@code ?lang=} is described wherever an endpoint takes it. */
    public static final String DESCRIPTION = "The language of the words: en, zh-CN or zh-TW. Without it, the "
            + "Accept-Language header chooses, and the default (en) serves when it names none of them.";

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language a tag names exactly (any case), as the wording file's column titles and {@code ?lang=} give it. */
    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language asked for: {@code ?lang=} if given and not empty (a 400 naming {@code lang} when it is none of
     * ours), else the best match of {@code Accept-Language}, else the default.
     */
    public static Language chosen(String lang, String acceptLanguage, Language fallback) {
        if (lang != null && !lang.isBlank()) {
            return ofTag(lang.strip()).orElseThrow(() -> new InvalidRequestException("lang",
                    Message.of("field.lang", lang)));
        }
        return negotiated(acceptLanguage).orElse(fallback);
    }

    /**
     * The caller's most preferred language we have. Chinese written in simplified characters (zh, zh-CN, zh-SG,
     * zh-Hans) is zh-CN; in traditional ones (zh-TW, zh-HK, zh-MO, zh-Hant) zh-TW; any English is en. A header that
     * cannot be read names nothing.
     */
    public static Optional<Language> negotiated(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() > 0) {
                Optional<Language> match = of(range.getRange());
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Language> of(String range) {
        String r = range.toLowerCase(Locale.ROOT);
        if (r.equals("en") || r.startsWith("en-")) {
            return Optional.of(EN);
        }
        if (r.equals("zh") || r.startsWith("zh-")) {
            boolean traditional = r.startsWith("zh-hant") || r.startsWith("zh-tw") || r.startsWith("zh-hk")
                    || r.startsWith("zh-mo") || r.contains("-hant");
            return Optional.of(traditional ? ZH_TW : ZH_CN);
        }
        return Optional.empty();
    }
}
