package org.autocollections.regression;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a decision differs from one expectation: what it shows ({@code "<absent>"} for a field it leaves out; null
 * where the expectation could never be met) and, in words, how that differs from what was expected.
 */
public record Mismatch(JsonNode actual, String message) {
}
