package org.autocollections.regression;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case with the decision it must get: a file of the golden corpus (source "corpus") or a row of a scenario sheet
 * (source: the sheet's file name, and its row).
 */
public record RegressionCase(String source, String name, Integer row, JsonNode request, List<Expectation> expectations) {
}
