package org.autocollections.policy;

import java.time.ZoneId;

import org.autocollections.Cases;
import org.autocollections.api.CollectionCase;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The facts the rules see for a case written as JSON, decided at its own asOf in its borrower's zone. */
final class CaseFactsOf {

    private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private CaseFactsOf() {
    }

    static CaseFacts of(ObjectNode json) {
        try {
            CollectionCase request = JSON.treeToValue(json, CollectionCase.class);
            return new CaseFacts(request, request.asOf().toInstant(), ZoneId.of(request.borrower().timeZone()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The documented example case (docs/examples/case-m2.json). */
    static ObjectNode example() {
        return Cases.example();
    }
}
