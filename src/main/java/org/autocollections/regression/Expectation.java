package org.autocollections.regression;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One thing a case's decision must show, compared strictly so that an expectation that is wrong cannot pass:
 * <ul>
 * <li>a JSON pointer into the decision and the value there: numbers by value (54.8 equals 54.80), everything else
 * exactly. {@code null} expects a field present with no value; {@value #ABSENT} expects the decision to leave the
 * field out (an area the policy did not fill, a plan option beyond the last). A pointer no decision can have
 * ({@link DecisionShape}) never passes;</li>
 * <li>{@value #REASON_CODES}: the decision's reason codes exactly, in any order ({@link ReasonCodes});</li>
 * <li>{@value #REASON_CODES_CONTAINS}: codes that must be among the decision's reasons, others allowed.</li>
 * </ul>
 * A sheet's cell is text ({@code asText}): it matches a number of the same value, a flag of the same name, or the
 * same text.
 */
public record Expectation(String pointer, JsonNode expected, boolean asText) {

    static final String REASON_CODES = "reasonCodes";
    static final String REASON_CODES_CONTAINS = "reasonCodes.contains";
    static final String ABSENT = "<absent>";

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;

    /** An expectation of the corpus: its key and its JSON value. */
    static Expectation of(String key, JsonNode expected) {
        return new Expectation(key, expected, false);
    }

    /** An expectation of a scenario sheet: its column's key and the cell's text (codes separated by |). */
    static Expectation ofCell(String key, String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (isReasonCodes(key)) {
            ArrayNode codes = nodes.arrayNode();
            for (String code : text.split("\\|")) {
                if (!code.isBlank()) {
                    codes.add(code.strip());
                }
            }
            return new Expectation(key, codes, false);
        }
        return text.equals("null") ? new Expectation(key, nodes.nullNode(), false)
                : new Expectation(key, nodes.textNode(text), !text.equals(ABSENT));
    }

    /** Why the key can never be met: neither reason codes nor a place a decision can have. */
    static Optional<String> keyFault(String key) {
        if (isReasonCodes(key)) {
            return Optional.empty();
        }
        if (!key.startsWith("/")) {
            return Optional.of("is neither a JSON pointer into the decision (/nextAction/type), "
                    + REASON_CODES + " nor " + REASON_CODES_CONTAINS);
        }
        return DecisionShape.fault(key);
    }

    /** What the decision shows instead and how it differs, or empty when it shows what is expected. */
    public Optional<Mismatch> mismatch(JsonNode decision) {
        Optional<String> fault = keyFault(pointer);
        if (fault.isPresent()) {
            return Optional.of(new Mismatch(null, pointer + " " + fault.get()));
        }
        if (isReasonCodes(pointer)) {
            return ReasonCodes.mismatch(expected, decision.path("reasons"), pointer.equals(REASON_CODES));
        }
        JsonNode actual = decision.at(pointer);
        if (actual.isMissingNode()) {
            return isAbsent(expected) ? Optional.empty() : Optional.of(new Mismatch(absent(),
                    pointer + " is left out of the decision, expected " + expected
                            + (expected.isNull() ? " (" + ABSENT + " expects a field left out)" : "")));
        }
        boolean same = !isAbsent(expected)
                && (asText ? sameText(actual, expected.asText()) : actual.equals(BY_VALUE, expected));
        return same ? Optional.empty() : Optional.of(new Mismatch(actual, pointer + " is " + actual + ", expected "
                + (isAbsent(expected) ? ABSENT + " (left out of the decision)" : asText ? expected.asText() : expected.toString())));
    }

    private static boolean isReasonCodes(String key) {
        return key.equals(REASON_CODES) || key.equals(REASON_CODES_CONTAINS);
    }

    private static boolean isAbsent(JsonNode expected) {
        return expected.isTextual() && expected.textValue().equals(ABSENT);
    }

    private static JsonNode absent() {
        return JsonNodeFactory.instance.textNode(ABSENT);
    }

    private static boolean sameText(JsonNode actual, String expected) {
        if (actual.isNumber()) {
            try {
                return actual.decimalValue().compareTo(new BigDecimal(expected)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return actual.isValueNode() && !actual.isNull() && actual.asText().equals(expected);
    }
}
