package org.autocollections.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Compares a decision's reason codes with those expected, in any order. A code counts as often as the decision gives
 * it: the service gives one reason per conclusion, so a code stands twice when two conclusions share it (two
 * catch-up options offered, each {@code PLAN_CATCH_UP}), and an expectation lists it twice to say there are two.
 * Exactly: every code the decision gives is expected and every code expected is given. As a subset ({@code
 * contains}): every code expected is given, others may be too.
 */
final class ReasonCodes {

    private ReasonCodes() {
    }

    static Optional<Mismatch> mismatch(JsonNode expected, JsonNode reasons, boolean exactly) {
        String key = exactly ? Expectation.REASON_CODES : Expectation.REASON_CODES_CONTAINS;
        List<String> given = new ArrayList<>();
        reasons.forEach(r -> given.add(r.path("code").asText()));
        JsonNode actual = JsonNodeFactory.instance.arrayNode().addAll(given.stream()
                .map(JsonNodeFactory.instance::textNode).toList());
        if (!expected.isArray() || !allText(expected)) {
            return Optional.of(new Mismatch(actual, key + " must list reason codes, as [\"BUCKET_M2\"], not " + expected));
        }
        List<String> listed = new ArrayList<>();
        expected.forEach(code -> listed.add(code.textValue()));
        Map<String, Integer> wanted = counts(listed);
        Map<String, Integer> got = counts(given);
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Map<String, Integer> all = new TreeMap<>(wanted);
        all.putAll(got);
        for (String code : all.keySet()) {
            int e = wanted.getOrDefault(code, 0);
            int g = got.getOrDefault(code, 0);
            // A code given, or expected, more than once is counted, so that two offers are not taken for one.
            String counted = e + g > 1 ? code + " (expected " + e + ", given " + g + ")" : code;
            if (e > g) {
                missing.add(counted);
            } else if (g > e && exactly) {
                unexpected.add(counted);
            }
        }
        List<String> differences = new ArrayList<>();
        if (!missing.isEmpty()) {
            differences.add("missing " + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            differences.add("not expected " + String.join(", ", unexpected));
        }
        return differences.isEmpty() ? Optional.empty()
                : Optional.of(new Mismatch(actual, key + " differ: " + String.join("; ", differences)));
    }

    private static boolean allText(JsonNode codes) {
        for (JsonNode code : codes) {
            if (!code.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Integer> counts(List<String> codes) {
        Map<String, Integer> counts = new TreeMap<>();
        codes.forEach(code -> counts.merge(code, 1, Integer::sum));
        return counts;
    }
}
