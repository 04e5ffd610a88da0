package org.autocollections.portfolio;

import org.autocollections.api.RaisedProblem;

import com.fasterxml.jackson.databind.JsonNode;

/** One case as read from a portfolio file: its JSON, or why it could not be read, still to be worded for its reader. */
public record CaseLine(long line, JsonNode node, RaisedProblem problem, String caseId) {

    static CaseLine read(long line, JsonNode node) {
        JsonNode id = node == null ? null : node.get("caseId");
        return new CaseLine(line, node, null, id != null && id.isTextual() ? id.textValue() : null);
    }

    static CaseLine unreadable(long line, RaisedProblem problem) {
        return new CaseLine(line, null, problem, null);
    }

    static CaseLine unreadable(long line, String caseId, RaisedProblem problem) {
        return new CaseLine(line, null, problem, caseId);
    }
}
