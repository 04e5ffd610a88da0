package org.autocollections.api;

import java.util.Arrays;
import java.util.List;

/**
 * A sentence for people as it is raised: its key in {@code messages/problems_<lang>.properties} and the values it
 * carries, so that it is worded in the reader's language only when it is shown, the values verbatim. A text from
 * elsewhere (a library's, a compiler's) has no key: it is shown as an English template of ours reads it, or as it is.
 */
public record Message(String key, List<String> values) {

    public Message {
        values = List.copyOf(values);
    }

    /** A sentence of ours; each value as {@code String.valueOf} writes it, whatever the language. */
    public static Message of(String key, Object... values) {
        return new Message(key, Arrays.stream(values).map(String::valueOf).toList());
    }

    /**
     * One of our words as a value of a sentence, such as the name of a header row or "empty": worded in the reader's
     * language with the sentence around it, where a value is otherwise kept verbatim. It is kept as its key behind a
     * control character no cell or request text holds.
     */
    public static String word(String key) {
        return ProblemWording.WORD + key;
    }

    /** A text someone else wrote, in English. */
    public static Message verbatim(String text) {
        return new Message(null, List.of(String.valueOf(text)));
    }

    public String english() {
        return in(Language.EN);
    }

    /**
     * The sentence in a language. A text without a key is matched against our English templates under the given
     * key prefixes, and left as it is when none reads it.
     */
    public String in(Language language, String... fallbackPrefixes) {
        if (key == null) {
            return ProblemWording.sentence(values.get(0), language, fallbackPrefixes);
        }
        return ProblemWording.worded(key, values, language);
    }
}
