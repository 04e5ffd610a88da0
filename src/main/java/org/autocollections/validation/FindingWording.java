package org.autocollections.validation;

import java.util.ArrayList;
import java.util.List;

import org.autocollections.api.Language;
import org.autocollections.api.Message;
import org.autocollections.api.ProblemWording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A draft's findings as the caller reads them: each message in the caller's language (the values it names, and a
 * compiler's own text, verbatim) and what its kind means and how to fix it, as docs/analyst-findings.md says. The
 * findings are kept as found, in English and with the key and values of our own sentences; they are worded when shown.
 */
public final class FindingWording {

    private FindingWording() {
    }

    /** The findings (as kept with the draft) worded in a language; the kind, file, sheet, row and column unchanged. */
    public static JsonNode in(JsonNode findings, Language language) {
        if (findings == null || !findings.isArray()) {
            return findings;
        }
        ArrayNode worded = findings.deepCopy();
        for (JsonNode node : worded) {
            if (node instanceof ObjectNode finding && finding.path("kind").isTextual()) {
                String kind = finding.path("kind").asText();
                JsonNode words = finding.remove("words");
                if (words != null && words.path("key").isTextual()) {
                    List<String> values = new ArrayList<>();
                    words.path("values").forEach(v -> values.add(v.asText()));
                    finding.put("message", new Message(words.path("key").asText(), values).in(language));
                } else if (finding.path("message").isTextual()) {
                    // kept before findings carried their key, or a compiler's text: read by the English templates
                    finding.put("message", ProblemWording.sentence(finding.path("message").asText(), language,
                            "finding." + kind + ".message"));
                }
                explanation(kind, language).ifPresent(text -> finding.put("explanation", text));
            }
        }
        return worded;
    }

    /** What a kind of finding means and how to fix it, in a language. */
    public static java.util.Optional<String> explanation(String kind, Language language) {
        return ProblemWording.text(language, "finding." + kind + ".explanation");
    }
}
