package org.autocollections.regression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One thing a case's decision must show: the value at a JSON pointer into the decision, or ({@link #REASON_CODES})
 * reason codes that must all be among the decision's reasons. Numbers compare by value (54.8 equals 54.80),
 * everything else exactly; an expected null matches a missing value. A sheet's cell is text ({@code asText}): it
 * matches a number of the same value, a flag of the same name, or the same text.
 */
public record Expectation(String pointer, JsonNode expected, boolean asText) {

    Expectation(String pointer, JsonNode expected) {
        this(pointer, expected, false);
    }

    static final String REASON_CODES = "reasonCodes";

    /** What the decision shows instead, or empty when it shows what is expected. */
    public Optional<JsonNode> mismatch(JsonNode decision) {
        if (pointer.equals(REASON_CODES)) {
            List<String> codes = new ArrayList<>();
            decision.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
            List<String> wanted = new ArrayList<>();
            expected.forEach(c -> wanted.add(c.asText()));
            if (codes.containsAll(wanted)) {
                return Optional.empty();
            }
            return Optional.of(JsonNodeFactory.instance.arrayNode().addAll(codes.stream()
                    .map(JsonNodeFactory.instance::textNode).toList()));
        }
        JsonNode actual = decision.at(pointer);
        return (asText ? sameText(actual, expected.asText()) : same(actual, expected)) ? Optional.empty()
                : Optional.of(actual.isMissingNode() ? JsonNodeFactory.instance.nullNode() : actual);
    }

    private static boolean sameText(JsonNode actual, String expected) {
        if (actual.isNumber()) {
            try {
                return actual.decimalValue().compareTo(new java.math.BigDecimal(expected)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return actual.isValueNode() && !actual.isNull() && actual.asText().equals(expected);
    }

    static boolean same(JsonNode actual, JsonNode expected) {
        if (expected.isNull()) {
            return actual.isMissingNode() || actual.isNull();
        }
        if (expected.isNumber() && actual.isNumber()) {
            return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
        }
        return actual.equals(expected);
    }
}
