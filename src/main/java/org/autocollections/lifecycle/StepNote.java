package org.autocollections.lifecycle;

import java.io.IOException;

import org.autocollections.api.InvalidRequestException;
import org.autocollections.api.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The optional body of a step (approve, activate, start...): {"note": "why"} or nothing, for the audit trail. */
public final class StepNote {

    private StepNote() {
    }

    public static String read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            if (!node.isObject() || node.size() > 1 || (node.size() == 1 && !node.path("note").isTextual())) {
                throw new InvalidRequestException("note", Message.of("field.note"));
            }
            return node.path("note").isTextual() ? node.path("note").asText() : null;
        } catch (IOException e) {
            throw new InvalidRequestException("note", Message.of("field.note"));
        }
    }
}
